package io.trucewatch.incidents;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.trucewatch.access.As;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input is refused with problem+json naming every offending field, and nothing is written. */
@QuarkusTest
class IncidentInputTest {

    static final Map<String, Object> VALID = Json.of("event_date", "2016-04-10",
            "event_type", "Explosions/Remote violence", "sub_event_type", "Air/drone strike",
            "actor1", "SAA", "actor2", "Civilians (Syria)", "admin1", "Aleppo");

    static long storedRows() {
        return QuarkusTransaction.requiringNew().call(() -> Incident.count() + IncidentActor.count()
                + IncidentTruceVerdict.count() + io.trucewatch.audit.AuditEntry.count());
    }

    private static void assertRefused(Object body, int status, String... fields) {
        long before = storedRows();
        As.monitor().contentType(ContentType.JSON).body(body).when().post("/api/incidents").then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", not(equalTo(null)))
                .body("title", not(equalTo(null)))
                .body("detail", not(containsString("Exception")))
                .body("errors.field", containsInAnyOrder(fields));
        assertEquals(before, storedRows(), "a refused report writes nothing");
    }

    @Test
    void missingRequiredFieldsAreEachNamed() {
        assertRefused(Json.of("notes", "nothing else"), 400,
                "event_date", "event_type", "sub_event_type", "actor1", "admin1");
    }

    @Test
    void wrongTypesAreNamed() {
        assertRefused(Json.with(VALID, "fatalities", "three", "civilian_targeting", "yes", "latitude", "36.2",
                "longitude", 37.1, "time_precision", 1.5, "actor2", 7), 400,
                "fatalities", "civilian_targeting", "latitude", "time_precision", "actor2");
    }

    @Test
    void badDatesAreNamed() {
        assertRefused(Json.with(VALID, "event_date", "10/04/2016"), 400, "event_date");
        assertRefused(Json.with(Json.without(VALID, "event_date"), "occurred_at", "2016-04-10T12:00:00"), 400,
                "occurred_at");
        assertRefused(Json.with(VALID, "event_date", "2016-02-30"), 400, "event_date");
    }

    @Test
    void aSubEventTypeMustBelongToItsEventType() {
        assertRefused(Json.with(VALID, "sub_event_type", "Peaceful protest"), 400, "sub_event_type");
        assertRefused(Json.with(VALID, "event_type", "Skirmish"), 400, "event_type");
    }

    @Test
    void latitudeWithoutLongitudeIsRefused() {
        assertRefused(Json.with(VALID, "latitude", 36.2), 400, "longitude");
        assertRefused(Json.with(VALID, "latitude", 95.0, "longitude", 37.0), 400, "latitude");
    }

    @Test
    void unknownFieldsAreRefused() {
        assertRefused(Json.with(VALID, "perpetrator", "SAA", "severity", 3), 400, "perpetrator", "severity");
    }

    @Test
    void limitsAreEnforced() {
        assertRefused(Json.with(VALID, "external_id", "x".repeat(129), "notes", "n".repeat(10_001),
                "time_precision", 4, "fatalities", -1), 400, "external_id", "notes", "time_precision", "fatalities");
        assertRefused(Json.with(VALID, "source", "s".repeat(70_000)), 413, "(body)");
    }

    @Test
    void malformedJsonIsRefused() {
        assertRefused("{\"event_date\": \"2016-04-10\",", 400, "(body)");
        assertRefused("[1, 2]", 400, "(body)");
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        long before = storedRows();
        As.monitor().contentType(ContentType.TEXT).body("event_date=2016-04-10").when().post("/api/incidents").then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415));
        assertEquals(before, storedRows());
    }

    @Test
    void vocabularyIsMatchedCaseInsensitivelyAndStoredCanonically() {
        As.monitor().contentType(ContentType.JSON)
                .body(Json.with(VALID, "event_type", "explosions/remote VIOLENCE", "sub_event_type", "AIR/DRONE STRIKE"))
                .when().post("/api/incidents").then().statusCode(201)
                .body("incident.event_type", equalTo("Explosions/Remote violence"))
                .body("incident.sub_event_type", equalTo("Air/drone strike"));
    }

    @Test
    void anUnresolvedActorIsKeptAsWrittenAndNeverA400() {
        As.monitor().contentType(ContentType.JSON).body(Json.with(VALID, "actor1", "Liwa al-Mechanics"))
                .when().post("/api/incidents").then().statusCode(201)
                .body("verdict", equalTo("NEEDS_REVIEW"))
                .body("incident.actor1", equalTo("Liwa al-Mechanics"))
                .body("incident.resolved_actors[0].resolved", equalTo(false))
                .body("evaluations.find { it.truce == 'syria-coh-2016' }.findings.rule", hasItem("unresolved-actor"));
    }

    @Test
    void unknownIncidentsAndPathsAreProblems() {
        As.monitor().when().get("/api/incidents/no-such-id").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        As.monitor().when().get("/api/no-such-thing").then().statusCode(404).contentType("application/problem+json");
        As.monitor().when().get("/api/incidents?page=x&size=1000&verdict=MAYBE&from=yesterday").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("page", "size", "verdict", "from"));
    }
}
