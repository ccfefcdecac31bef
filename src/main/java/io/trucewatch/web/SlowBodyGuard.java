package io.trucewatch.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slow or many request bodies cannot take the worker threads: every body is read on the I/O thread,
 * against a deadline, before the REST layer sees the request.
 *
 * <p>Why here: our endpoints are blocking and take {@code byte[] body}. RESTEasy Reactive dispatches
 * a blocking endpoint to a worker right after matching and reads the body there, with blocking reads
 * (its {@code quarkus.rest.input-buffer-size} only applies to non-blocking endpoints); a client that
 * trickles a byte at a time holds that worker, and {@code quarkus.http.read-timeout} is per read, so
 * the trickle defeats it. When the body is already in the routing context, RESTEasy takes it from
 * there and reads nothing on the worker; this guard puts it there. Bounds on what slow clients can
 * still hold: a deadline per body ({@link SlowBodyReader}), a number of arriving bodies per client
 * address ({@link ClientConnections}) and the memory of all arriving bodies ({@link SlowBodyBudget}).
 *
 * <p>Forms (multipart, urlencoded) pass untouched: RESTEasy parses those itself from the request
 * stream. No endpoint takes one today; every endpoint with a body declares a JSON, CSV or zip type,
 * and a form sent to it is refused with 415 before its body is read.
 */
@ApplicationScoped
public class SlowBodyGuard {

    /**
     * Right after Quarkus refuses a Content-Length above quarkus.http.limits.max-body-size (at
     * {@link RouteConstants#ROUTE_ORDER_UPLOAD_LIMIT}) and before anything that reads the body.
     */
    static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1;

    /**
     * Just before Quarkus's own refusal of a Content-Length above max-body-size, which answers a
     * bare 413 with no body: a client that declares too large a body hears why, as from every
     * other refusal. (A body of undeclared length that grows past the limit is refused by
     * {@link SlowBodyReader} as it arrives.)
     */
    static final int DECLARED_LENGTH_ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

    @Inject
    SlowBodyConfig config;

    @Inject
    ClientConnections clients;

    @Inject
    SlowBodyBudget budget;

    @Inject
    SlowBodyRefusal refusal;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    @ConfigProperty(name = "quarkus.http.handle-100-continue-automatically", defaultValue = "false")
    boolean vertxSendsContinue;

    void install(@Observes Router router) {
        checkConfig();
        router.route().order(DECLARED_LENGTH_ORDER).handler(this::refuseDeclaredTooLarge);
        router.route().order(ORDER).handler(this::guard);
    }

    private void refuseDeclaredTooLarge(RoutingContext context) {
        if (declaredLength(context.request()) > maxBodyBytes()) {
            refusal.send(context, SlowBodyRefusal.tooLarge(maxBodyBytes()), null);
        } else {
            context.next();
        }
    }

    private void guard(RoutingContext context) {
        HttpServerRequest request = context.request();
        long declared = declaredLength(request);
        if (!mayHaveBody(request, declared) || isForm(request) || context.body().available()) {
            context.next();
            return;
        }
        String client = ClientConnections.keyOf(request.remoteAddress());
        if (!clients.tryAdmit(client)) {
            refusal.send(context, SlowBodyRefusal.tooMany(config, retryAfter()), retryAfter());
            return;
        }
        sendContinueIfAsked(request);
        new SlowBodyReader(context, client, declared, this).start();
    }

    /** Time a body of {@code bytes} bytes may take to arrive. */
    Duration allowed(long bytes) {
        return config.grace().plusMillis(bytes * 1000 / config.minRate().asLongValue());
    }

    long maxBodyBytes() {
        return maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    /** What a refused client is told to wait: about as long as the bodies ahead of it may take to start. */
    Duration retryAfter() {
        return config.grace();
    }

    SlowBodyConfig config() {
        return config;
    }

    ClientConnections clients() {
        return clients;
    }

    SlowBodyBudget budget() {
        return budget;
    }

    SlowBodyRefusal refusal() {
        return refusal;
    }

    /** The Content-Length, or -1 when the body's length is not declared (chunked, HTTP/2). */
    private static long declaredLength(HttpServerRequest request) {
        String value = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            // Netty refuses a malformed Content-Length before we run; if one ever came, treat the
            // length as unknown and read against the limits for chunked bodies.
            return -1;
        }
    }

    private static boolean mayHaveBody(HttpServerRequest request, long declared) {
        if (declared >= 0) {
            return declared > 0;
        }
        if (request.version() == HttpVersion.HTTP_2) {
            // HTTP/2 has no framing header for bodies. GET and HEAD bodies are never read by
            // RESTEasy, so only they pass; anything else is read, and ends at once if it has none.
            return request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD;
        }
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private static boolean isForm(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return false;
        }
        String lower = type.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("multipart/") || lower.startsWith("application/x-www-form-urlencoded");
    }

    /**
     * A client that asked to be told before it sends its body ("Expect: 100-continue") is told now,
     * since the body is read now. The header is then removed so that RESTEasy, reading the body from
     * the routing context, does not send a second "100 Continue".
     */
    private void sendContinueIfAsked(HttpServerRequest request) {
        String expect = request.getHeader(HttpHeaders.EXPECT);
        if (expect != null && expect.strip().equalsIgnoreCase("100-continue")) {
            if (!vertxSendsContinue) {
                request.response().writeContinue();
            }
            request.headers().remove(HttpHeaders.EXPECT);
        }
    }

    /** Refuses to start with limits that would refuse every body, rather than fail every request later. */
    private void checkConfig() {
        List<String> problems = new ArrayList<>();
        if (config.grace().isNegative()) {
            problems.add("trucewatch.http.slow-bodies.grace must not be negative");
        }
        if (config.minRate().asLongValue() <= 0) {
            problems.add("trucewatch.http.slow-bodies.min-rate must be at least 1 (bytes per second)");
        }
        if (config.maxPerClient() < 1) {
            problems.add("trucewatch.http.slow-bodies.max-per-client must be at least 1");
        }
        if (config.maxBuffered().asLongValue() <= 0) {
            problems.add("trucewatch.http.slow-bodies.max-buffered must be positive");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid slow-body limits:\n  " + String.join("\n  ", problems));
        }
    }
}
