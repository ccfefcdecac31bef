package io.trucewatch.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;

/**
 * Refuses a request whose path or query holds an encoded NUL character ({@code %00}) with a 400
 * problem, before any endpoint reads it. Such a value is never a real identifier or filter, and
 * PostgreSQL refuses text holding U+0000 outright: passed on to a query, it would end as a 500.
 * Request bodies get the same rule from {@link StrictJson}.
 */
@ApplicationScoped
public class NulInUri {

    void install(@Observes Router router) {
        router.route().order(UriLengthLimit.ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        String uri = context.request().uri();
        if (uri == null || !uri.toLowerCase(Locale.ROOT).contains("%00")) {
            context.next();
            return;
        }
        context.response().setStatusCode(400).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(UriLengthLimit.body(problem()));
    }

    static Problem problem() {
        return new Problem("/problems/invalid-request", "The request is not valid", 400,
                "The request's path or query holds an encoded NUL character (%00), which no identifier or filter has",
                List.of(new Problem.FieldError("(uri)", "holds %00, the NUL character: remove it")));
    }
}
