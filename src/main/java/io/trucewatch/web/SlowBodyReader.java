package io.trucewatch.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * Reads one request body on its I/O thread into the routing context, where RESTEasy takes it from
 * without blocking a worker; then passes the request on. Gives up with a 408 when the body has not
 * arrived by its deadline (grace + size / min-rate; for a body of unknown length, the size received
 * so far), with a 413 beyond quarkus.http.limits.max-body-size, with a 503 when the memory budget
 * of arriving bodies is spent.
 *
 * <p>Every callback runs on the request's event loop (Vert.x delivers request events and this
 * request's timers there), so the fields need no synchronisation.
 */
final class SlowBodyReader {

    /** A declared length is trusted for the first allocation only up to this much. */
    private static final int MAX_INITIAL_CAPACITY = 64 * 1024;

    private final RoutingContext context;
    private final HttpServerRequest request;
    private final String client;
    private final long declaredLength;
    private final SlowBodyGuard guard;
    private final long startedAt = System.nanoTime();

    private Buffer body;
    private long received;
    private long takenFromBudget;
    private long timer = -1;
    private boolean over;

    SlowBodyReader(RoutingContext context, String client, long declaredLength, SlowBodyGuard guard) {
        this.context = context;
        this.request = context.request();
        this.client = client;
        this.declaredLength = declaredLength;
        this.guard = guard;
    }

    void start() {
        body = Buffer.buffer((int) Math.min(Math.max(declaredLength, 1024), MAX_INITIAL_CAPACITY));
        try {
            request.handler(this::onData);
            request.endHandler(ignored -> onEnd());
            // The connection closed or broke mid-body: there is nobody to answer.
            request.exceptionHandler(ignored -> finish());
        } catch (IllegalStateException alreadyRead) {
            // Vert.x refuses handlers on a request whose body something before us has read: nothing
            // arrives any more, so there is nothing to guard.
            finish();
            context.next();
            return;
        }
        timer = context.vertx().setTimer(Math.max(1, deadline().toMillis()), id -> onTimer());
        request.resume();
    }

    private void onData(Buffer chunk) {
        if (over) {
            return;
        }
        received += chunk.length();
        if (received > guard.maxBodyBytes()) {
            refuse(SlowBodyRefusal.tooLarge(guard.maxBodyBytes()), null);
            return;
        }
        if (!guard.budget().tryTake(chunk.length())) {
            refuse(SlowBodyRefusal.busy(guard.retryAfter()), guard.retryAfter());
            return;
        }
        takenFromBudget += chunk.length();
        body.appendBuffer(chunk);
    }

    // setBody is deprecated in Vert.x Web 4.5, but it is what RESTEasy Reactive's getBody() reads.
    @SuppressWarnings("deprecation")
    private void onEnd() {
        if (over) {
            return;
        }
        finish();
        context.setBody(body);
        context.next();
    }

    private void onTimer() {
        timer = -1;
        if (over) {
            return;
        }
        long remaining = deadline().toMillis() - elapsedMillis();
        if (remaining > 0) {
            // A body of unknown length earns more time as it arrives.
            timer = context.vertx().setTimer(remaining, id -> onTimer());
            return;
        }
        long size = Math.max(declaredLength, received);
        refuse(SlowBodyRefusal.tooSlow(size, guard.allowed(size), guard.config()), null);
    }

    private Duration deadline() {
        return guard.allowed(Math.max(declaredLength, received));
    }

    private long elapsedMillis() {
        return (System.nanoTime() - startedAt) / 1_000_000;
    }

    private void refuse(Problem problem, Duration retryAfter) {
        finish();
        body = null;
        guard.refusal().send(context, problem, retryAfter);
    }

    /** The body no longer arrives: its place and memory go back, whatever happens next. */
    private void finish() {
        if (over) {
            return;
        }
        over = true;
        if (timer >= 0) {
            context.vertx().cancelTimer(timer);
            timer = -1;
        }
        request.handler(null);
        request.endHandler(null);
        request.exceptionHandler(null);
        guard.clients().release(client);
        guard.budget().giveBack(takenFromBudget);
        takenFromBudget = 0;
    }
}
