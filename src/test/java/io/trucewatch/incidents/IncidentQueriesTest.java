package io.trucewatch.incidents;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.trucewatch.access.As;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Listing and filtering stored reports; the truce and actor look-ups. */
@QuarkusTest
class IncidentQueriesTest {

    private static String submit(Map<String, Object> report) {
        return As.monitor().contentType(ContentType.JSON).body(report).post("/api/incidents").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void filtersNarrowTheListAndTotalsCountAllMatches() {
        String inHasakah = submit(Json.with(IncidentInputTest.VALID, "admin1", "Al-Hasakeh", "event_date", "2016-05-02",
                "actor1", "YPG", "actor2", "Daesh"));
        String beforeTruce = submit(Json.with(IncidentInputTest.VALID, "admin1", "Al-Hasakeh", "event_date", "2016-01-02",
                "actor1", "YPG", "actor2", "Daesh"));

        As.monitor().queryParam("admin1", "al-hasakeh").queryParam("from", "2016-05-01").queryParam("to", "2016-05-31")
                .get("/api/incidents").then().statusCode(200)
                .body("items.id", hasItem(inHasakah))
                .body("items.id", not(hasItem(beforeTruce)))
                .body("items.incident.admin1", everyItem(equalTo("Al-Hasakeh")));
        As.monitor().queryParam("actor", "Kurdish YPG").queryParam("verdict", "not_a_violation").get("/api/incidents").then()
                .body("items.id", hasItem(inHasakah))
                .body("items.verdict", everyItem(equalTo("NOT_A_VIOLATION")));
        As.monitor().queryParam("truce", "syria-coh-2016").queryParam("admin1", "Al-Hasakeh").get("/api/incidents").then()
                .body("items.id", hasItem(inHasakah))
                .body("items.id", not(hasItem(beforeTruce)));
        As.monitor().queryParam("verdict", "OUT_OF_SCOPE").queryParam("admin1", "Al-Hasakeh").get("/api/incidents").then()
                .body("items.id", contains(beforeTruce));
        As.monitor().queryParam("actor", "islamic-state").queryParam("admin1", "Al-Hasakeh").queryParam("size", 1)
                .get("/api/incidents").then()
                .body("items", hasSize(1))
                .body("size", equalTo(1))
                .body("page", equalTo(0))
                .body("total", equalTo(2));
    }

    @Test
    void trucesShowTheirTermsAndRules() {
        As.monitor().get("/api/truces").then().statusCode(200)
                .body("id", hasItem("syria-coh-2016"))
                .body("find { it.id == 'syria-coh-2016' }.starts_at", equalTo("2016-02-26T22:00:00Z"));
        As.monitor().get("/api/truces/syria-coh-2016").then().statusCode(200)
                .body("terms.time_zone", equalTo("Asia/Damascus"))
                .body("terms.excluded.actor", hasItem("jabhat-al-nusra"))
                .body("terms.clauses.id", hasItem("3"))
                .body("rules.find { it.name == 'seizing-territory-from-other-party' }.clause", equalTo("3"));
        As.monitor().get("/api/truces/minsk-1").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void actorsResolveWithTheirStanding() {
        As.monitor().queryParam("q", "Jabhat Fateh al-Sham").get("/api/actors").then().statusCode(200)
                .body("resolved", equalTo(true))
                .body("actor.id", equalTo("jabhat-al-nusra"))
                .body("standings.find { it.truce == 'syria-coh-2016' }.standing", equalTo("EXCLUDED"));
        As.monitor().queryParam("q", "regime forces").queryParam("at", "2016-04-10").get("/api/actors").then()
                .body("actor.id", equalTo("syrian-government-forces"))
                .body("standings.find { it.truce == 'syria-coh-2016' }.standing", equalTo("BOUND"))
                .body("standings.find { it.truce == 'syria-coh-2016' }.party", equalTo("Government of Syria"))
                .body("standings.find { it.truce == 'syria-coh-2016' }.exempt", equalTo(true));
        As.monitor().queryParam("q", "Liwa al-Mechanics").get("/api/actors").then()
                .body("resolved", equalTo(false))
                .body("standings.find { it.truce == 'syria-coh-2016' }.standing", equalTo("UNRESOLVED"));
        As.monitor().get("/api/actors").then().body("id", hasItem("jaish-al-fatah"));
    }

    @Test
    void theApiIsDescribedAndHealthy() {
        As.monitor().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/incidents"))
                .body("components.schemas.IncidentReport.properties", org.hamcrest.Matchers.hasKey("assoc_actor_1"))
                .body("components.schemas.IncidentView.properties", org.hamcrest.Matchers.hasKey("ruleset_version"));
        As.monitor().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("ruleset"));
    }
}
