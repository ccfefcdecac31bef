package io.trucewatch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The checks on a request's URI, before any endpoint reads it:
 * <ul>
 * <li>longer than {@code trucewatch.http.max-uri-length}: a 414 problem. Vert.x refuses a request
 * line beyond its own limit ({@code quarkus.http.limits.max-initial-line-length}) before any of
 * our code runs, with an empty body; that limit is set above this one, so the limit clients meet
 * is this one, answered like every other error. Only lines beyond even the Vert.x limit still get
 * its bare 414;</li>
 * <li>an encoded NUL character ({@code %00}) in the path or query: a 400 problem. Such a value is
 * never a real identifier or filter, and PostgreSQL refuses text holding U+0000 outright: passed
 * on to a query, it would end as a 500. Request bodies get the same rule from {@link StrictJson}.</li>
 * </ul>
 */
@ApplicationScoped
public class UriGuard {

    /**
     * Before anything reads a body ({@link SlowBodyGuard} at {@link RouteConstants#ROUTE_ORDER_UPLOAD_LIMIT} + 1),
     * before the refusal of a declared body too large ({@link SlowBodyGuard#DECLARED_LENGTH_ORDER}) and before
     * every endpoint: a request refused for its URI costs no body.
     */
    static final int ORDER = SlowBodyGuard.DECLARED_LENGTH_ORDER - 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "trucewatch.http.max-uri-length", defaultValue = "4096")
    int maxUriLength;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        String uri = context.request().uri();
        if (uri != null && uri.length() > maxUriLength) {
            refuse(context, tooLong(uri.length()));
        } else if (uri != null && uri.toLowerCase(Locale.ROOT).contains("%00")) {
            refuse(context, nul());
        } else {
            context.next();
        }
    }

    private static void refuse(RoutingContext context, Problem problem) {
        context.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(body(problem));
    }

    static Problem nul() {
        return new Problem("/problems/invalid-request", "The request is not valid", 400,
                "The request's path or query holds an encoded NUL character (%00), which no identifier or filter has",
                List.of(new Problem.FieldError("(uri)", "holds %00, the NUL character: remove it")));
    }

    Problem tooLong(int length) {
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
