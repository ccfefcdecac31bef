package io.trucewatch.corroboration;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.trucewatch.access.As;
import io.trucewatch.incidents.Json;
import io.trucewatch.patterns.PatternsOn;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Corroboration end to end: two sources' reports of one strike linked as one event (shown on each
 * report and as the event), counted once in the daily report, split and merged again by an auditor,
 * every decision audited. Its own day and governorate, so other tests' reports stay out of it.
 */
@QuarkusTest
@TestProfile(PatternsOn.class)
class EventApiTest {

    private static final String DAY = "2016-05-09";

    private static String post(String source, double latitude) {
        Map<String, Object> report = Json.of("event_date", DAY, "event_type", "Explosions/Remote violence",
                "sub_event_type", "Air/drone strike", "actor1", "Military Forces of Syria (2000-)",
                "actor2", "Civilians (Syria)", "civilian_targeting", true, "weapon", "barrel bomb", "country", "Syria",
                "admin1", "Idleb", "location", "Maarat al-Numan", "latitude", latitude, "longitude", 36.674, "source", source);
        return As.monitor().contentType(ContentType.JSON).body(report).post("/api/incidents").then().statusCode(201)
                .extract().path("id");
    }

    private static JsonPath incident(String id) {
        return As.auditor().get("/api/incidents/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static <T> T await(Supplier<T> value, Predicate<T> done, String what) {
        long until = System.nanoTime() + 30_000_000_000L;
        T last = value.get();
        while (!done.test(last)) {
            if (System.nanoTime() > until) {
                fail("waited 30 s for " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            last = value.get();
        }
        return last;
    }

    private static String eventOf(String id) {
        return incident(id).getString("event.id");
    }

    @Test
    void two_sources_of_one_strike_are_one_event_and_an_auditor_can_split_and_merge_them() {
        String afp = post("AFP", 35.645);
        String sohr = post("SOHR; local activists", 35.650);
        String event = await(() -> eventOf(sohr), e -> e != null && e.equals(eventOf(afp)), "one event");

        JsonPath mine = incident(sohr);
        assertEquals(List.of(afp), mine.getList("event.corroborating"));
        assertEquals(List.of(), mine.getList("event.duplicates"));
        assertEquals(3, mine.getInt("event.independent_sources"));
        As.monitor().get("/api/events/" + event).then().statusCode(200)
                .body("reports.incident_id", hasItem(afp)).body("reports.incident_id", hasItem(sohr))
                .body("independent_sources", equalTo(3)).body("confidence", equalTo("WELL_CORROBORATED"))
                .body("sources", equalTo(List.of("afp", "local activists", "sohr")));
        As.monitor().accept("text/csv").queryParam("truce", "syria-coh-2016").queryParam("from", DAY).queryParam("to", DAY)
                .get("/api/reports/daily").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Idleb,2,1,"));

        // Split: the later report becomes an event of its own, audited.
        As.auditor().contentType(ContentType.JSON).body(Map.of("decision", "SEPARATE", "reason", "two raids that day"))
                .post("/api/incidents/" + sohr + "/event-link").then().statusCode(202);
        await(() -> eventOf(sohr), e -> e != null && !e.equals(eventOf(afp)), "split");
        assertNotEquals(eventOf(afp), eventOf(sohr));

        // Merge again: a JOIN names the other report; and back to the rule.
        As.auditor().contentType(ContentType.JSON).body(Map.of("decision", "JOIN", "with", afp, "reason", "one raid"))
                .post("/api/incidents/" + sohr + "/event-link").then().statusCode(202);
        await(() -> eventOf(sohr), e -> e != null && e.equals(eventOf(afp)), "merged");

        As.auditor().contentType(ContentType.JSON).body(Map.of("decision", "JOIN", "reason", "x"))
                .post("/api/incidents/" + sohr + "/event-link").then().statusCode(400)
                .body("errors.field", hasItem("with"));
        As.monitor().contentType(ContentType.JSON).body(Map.of("decision", "SEPARATE", "reason", "x"))
                .post("/api/incidents/" + sohr + "/event-link").then().statusCode(403);
        // A JOIN is kept on the later of the two reports, so the entries may be on either.
        long decisions = 0;
        for (String id : List.of(afp, sohr)) {
            decisions += As.auditor().queryParam("incident", id).queryParam("size", 200).get("/api/audit").then()
                    .extract().jsonPath().getList("items.type").stream().filter("LINK_DECIDED"::equals).count();
        }
        assertEquals(2, decisions);
        As.auditor().get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
        As.auditor().get("/api/events/no-such-event").then().statusCode(404);
    }
}
