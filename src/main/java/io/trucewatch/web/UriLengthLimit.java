package io.trucewatch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose URI (path and query) is longer than {@code trucewatch.http.max-uri-length}
 * with a 414 problem. Vert.x refuses a request line beyond its own limit
 * ({@code quarkus.http.limits.max-initial-line-length}) before any of our code runs, with an empty
 * body; that limit is set above this one, so the limit clients meet is this one, answered like
 * every other error. Only lines beyond even the Vert.x limit still get its bare 414.
 */
@ApplicationScoped
public class UriLengthLimit {

    /**
     * Before anything reads a body ({@link SlowBodyGuard} at {@link RouteConstants#ROUTE_ORDER_UPLOAD_LIMIT} + 1)
     * and before every endpoint: a request refused for its URI costs no body.
     */
    static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "trucewatch.http.max-uri-length", defaultValue = "4096")
    int maxUriLength;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        String uri = context.request().uri();
        if (uri == null || uri.length() <= maxUriLength) {
            context.next();
            return;
        }
        context.response().setStatusCode(414).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body(problem(uri.length())));
    }

    Problem problem(int length) {
        return new Problem("/problems/uri-too-long", "URI too long", 414,
                "The request's URI (path and query) may be at most " + maxUriLength + " characters; this one has "
                        + length,
                List.of(new Problem.FieldError("(uri)", "longer than " + maxUriLength + " characters")));
    }

    static String body(Problem problem) {
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            // A record of strings and a number always serialises.
            throw new IllegalStateException(e);
        }
    }
}
