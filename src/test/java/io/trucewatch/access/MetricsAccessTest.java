package io.trucewatch.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/metrics} is for admins, auditors and the Prometheus scraper's account (role
 * {@code metrics}), by the HTTP permission in application.properties; {@code /q/health} stays open
 * for load balancers.
 */
@QuarkusTest
class MetricsAccessTest {

    /** The test profile's scraper account (application.properties, %test): role metrics only. */
    private static final String SCRAPER = "scraper";

    @Test
    void without_credentials_the_metrics_are_refused_with_a_challenge() {
        given().get("/q/metrics").then().statusCode(401).header("WWW-Authenticate", notNullValue());
    }

    @Test
    void a_monitor_is_forbidden_the_metrics() {
        As.monitor().get("/q/metrics").then().statusCode(403);
    }

    @Test
    void admins_auditors_and_the_scraper_read_the_metrics() {
        for (String user : List.of(As.ADMIN, As.AUDITOR, SCRAPER)) {
            Response answer = As.user(user).get("/q/metrics");
            assertTrue(answer.statusCode() == 200 && answer.asString().contains("# TYPE "),
                    user + ": " + answer.statusCode() + " " + answer.asString().lines().findFirst().orElse(""));
        }
    }

    @Test
    void the_scraper_account_opens_nothing_but_the_metrics() {
        for (String path : List.of("/api/me", "/api/incidents", "/api/audit", "/api/users", "/api/rulesets")) {
            As.user(SCRAPER).get(path).then().statusCode(403);
        }
    }

    @Test
    void other_spellings_of_the_metrics_path_do_not_get_round_the_check() {
        for (String path : List.of("/q/metrics/", "/q//metrics", "/q/./metrics", "/q/metrics;x=1", "/q/metrics?x=1")) {
            Response answer = given().urlEncodingEnabled(false).get(path);
            assertNotEquals(200, answer.statusCode(), path);
            assertFalse(answer.asString().contains("# TYPE "), path);
        }
    }

    @Test
    void health_stays_open_for_load_balancers() {
        given().get("/q/health/live").then().statusCode(200);
        int ready = given().get("/q/health/ready").statusCode();
        assertTrue(ready == 200 || ready == 503, "readiness answers without credentials: " + ready);
    }
}
