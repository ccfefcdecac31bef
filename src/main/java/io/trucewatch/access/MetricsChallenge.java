package io.trucewatch.access;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code /q/metrics} is read by scrapers, not browsers: a request without credentials is answered
 * 401 with a Basic challenge, here, before Quarkus chooses among its sign-in mechanisms — with the
 * console's form sign-in enabled, that choice could otherwise send a scraper to the sign-in page.
 * Requests with credentials go on to the role check (admin, auditor, metrics).
 */
@ApplicationScoped
public class MetricsChallenge {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::challenge);
    }

    private void challenge(RoutingContext context) {
        String path = context.normalizedPath();
        boolean metrics = path.equals("/q/metrics") || path.startsWith("/q/metrics/") || path.startsWith("/q/metrics;");
        if (!metrics || context.request().getHeader(HttpHeaders.AUTHORIZATION) != null) {
            context.next();
            return;
        }
        context.response().setStatusCode(401)
                .putHeader("WWW-Authenticate", "Basic realm=\"trucewatch\"")
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end("{\"type\":\"/problems/unauthenticated\",\"title\":\"Authentication required\",\"status\":401,"
                        + "\"detail\":\"Send HTTP Basic credentials of a user with the role admin, auditor or metrics\"}");
    }
}
