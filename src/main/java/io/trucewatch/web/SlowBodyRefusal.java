package io.trucewatch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Answers a request whose body will not be read (too slow, too many, too large, no memory left)
 * with a problem+json and closes its connection: the rest of the body is never read, so the
 * connection cannot carry another request.
 */
@ApplicationScoped
public class SlowBodyRefusal {

    private static final Logger LOG = Logger.getLogger(SlowBodyRefusal.class);

    @Inject
    ObjectMapper json;

    static Problem tooSlow(long bytes, Duration allowed, SlowBodyConfig config) {
        return new Problem("/problems/request-timeout", "Request body too slow", 408,
                "The request body did not arrive in time: a body of " + bytes + " bytes must arrive within "
                        + allowed.toMillis() / 1000.0 + " s (" + config.grace().toSeconds() + " s, then at least "
                        + config.minRate().asLongValue() + " bytes per second). The connection is closed.",
                List.of());
    }

    static Problem tooMany(SlowBodyConfig config, Duration retryAfter) {
        return new Problem("/problems/too-many-arriving-bodies", "Too many requests sending their bodies", 429,
                "At most " + config.maxPerClient() + " requests from one client address may be sending their "
                        + "bodies at once; retry in " + seconds(retryAfter) + " s",
                List.of());
    }

    static Problem busy(Duration retryAfter) {
        return new Problem("/problems/busy", "Too many request bodies arriving", 503,
                "The server holds as many arriving request bodies as it has memory for; retry in "
                        + seconds(retryAfter) + " s",
                List.of());
    }

    static Problem tooLarge(long limit) {
        return new Problem("/problems/too-large", "Request body too large", 413,
                "A request body may be at most " + limit + " bytes",
                List.of(new Problem.FieldError("(body)", "larger than " + limit + " bytes")));
    }

    /** Sends {@code problem}, with Retry-After when {@code retryAfter} is not null, and closes the connection. */
    void send(RoutingContext context, Problem problem, Duration retryAfter) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        if (response.ended()) {
            return;
        }
        LOG.debugf("%d to %s %s from %s", problem.status(), request.method(), request.path(), request.remoteAddress());
        drainUntilClosed(request);
        boolean http1 = request.version() != HttpVersion.HTTP_2;
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (retryAfter != null) {
            response.putHeader("Retry-After", String.valueOf(seconds(retryAfter)));
        }
        if (http1) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        response.end(Buffer.buffer(body(problem))).onComplete(written -> {
            // HTTP/2 multiplexes other requests on the connection: ending this stream is enough there.
            if (http1) {
                request.connection().close();
            }
        });
    }

    /** Whole seconds, at least one, as Retry-After counts them. */
    static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    /**
     * Keeps reading (and dropping) what still arrives until the close: a socket closed with unread
     * input is reset, and a reset can destroy the answer before the client has read it.
     */
    private static void drainUntilClosed(HttpServerRequest request) {
        try {
            request.handler(ignored -> {
            });
            request.exceptionHandler(ignored -> {
            });
            request.resume();
        } catch (IllegalStateException alreadyRead) {
            // Vert.x refuses handlers once the whole request has been read: nothing left to drain.
        }
    }

    private byte[] body(Problem problem) {
        try {
            return json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            // A record of strings and numbers always serialises.
            throw new IllegalStateException(e);
        }
    }
}
