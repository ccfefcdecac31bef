package io.trucewatch.review;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.trucewatch.access.As;
import io.trucewatch.incidents.Json;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The review queue and four-eyes decisions, over HTTP as auditors would use them. */
@QuarkusTest
class ReviewWorkflowTest {

    /** A day no other test uses, so the queue can be filtered down to this test's reports. */
    private static final String DAY = "2016-05-17";

    static Map<String, Object> barrelBomb(String location) {
        return Json.of("external_id", "rev-" + UUID.randomUUID(), "event_date", DAY,
                "event_type", "Explosions/Remote violence", "sub_event_type", "Air/drone strike",
                "actor1", "Military Forces of Syria (2000-)", "actor2", "Civilians (Syria)", "civilian_targeting", true,
                "weapon", "barrel bomb", "country", "Syria", "admin1", "Aleppo", "location", location);
    }

    static String submit(RequestSpecification as, Map<String, Object> report) {
        return as.contentType(ContentType.JSON).body(report).post("/api/incidents").then().statusCode(201)
                .extract().path("id");
    }

    static io.restassured.response.ValidatableResponse review(RequestSpecification as, String id, Object body) {
        return as.contentType(ContentType.JSON).body(body).post("/api/incidents/" + id + "/reviews").then();
    }

    private static List<String> queueOfTheDay() {
        return As.auditor().queryParam("from", DAY).queryParam("to", DAY).queryParam("size", 200)
                .get("/api/review/queue").then().statusCode(200).extract().path("items.id");
    }

    @Test
    void flagged_reports_wait_oldest_first_until_decided_and_escalated_ones_stay() {
        String first = submit(As.monitor(), barrelBomb("Al-Haidariyah"));
        String second = submit(As.monitor(), barrelBomb("Al-Sakhour"));
        String permitted = submit(As.monitor(), Json.with(barrelBomb("Al-Rai"), "actor1", "Islamic State",
                "actor2", "Free Syrian Army", "civilian_targeting", false));
        List<String> queue = queueOfTheDay();
        assertTrue(queue.indexOf(first) >= 0 && queue.indexOf(first) < queue.indexOf(second), queue.toString());
        assertTrue(!queue.contains(permitted), "a NOT_A_VIOLATION report needs no review: " + queue);

        review(As.auditor(), first, Map.of("decision", "CONFIRMED", "reason", "Two sources, video of the strike"))
                .statusCode(201).body("decision", equalTo("CONFIRMED")).body("reviewer", equalTo(As.AUDITOR))
                .body("version", equalTo(1)).body("decided_at", notNullValue());
        review(As.auditor(), second, Map.of("decision", "ESCALATED", "reason", "Location disputed"))
                .statusCode(201);
        List<String> after = queueOfTheDay();
        assertTrue(!after.contains(first) && after.contains(second), after.toString());
        As.monitor().get("/api/incidents/" + first).then().body("review_status", equalTo("CONFIRMED"));
        As.monitor().get("/api/incidents/" + second).then().body("review_status", equalTo("ESCALATED"));
        As.auditor().queryParam("party", "SAA").queryParam("from", DAY).queryParam("to", DAY)
                .get("/api/review/queue").then().body("items.id", hasItem(second));
        As.auditor().queryParam("party", "Islamic State").queryParam("from", DAY).queryParam("to", DAY)
                .get("/api/review/queue").then().body("items.id", not(hasItem(second)));
    }

    @Test
    void reviews_are_appended_the_latest_decides_and_each_is_in_the_audit_trail() {
        String id = submit(As.monitor(), barrelBomb("Bustan al-Qasr"));
        review(As.auditor(), id, Map.of("decision", "ESCALATED", "reason", "Needs the imagery team")).statusCode(201);
        review(As.secondAuditor(), id, Map.of("decision", "CONFIRMED", "reason", "Imagery shows barrel-bomb craters",
                "violating_parties", List.of("regime forces"))).statusCode(201)
                .body("violating_parties", contains("Military Forces of Syria (2000-)"));
        As.monitor().get("/api/incidents/" + id + "/reviews").then().statusCode(200)
                .body("decision", contains("ESCALATED", "CONFIRMED"))
                .body("reviewer", contains(As.AUDITOR, As.SECOND_AUDITOR));
        As.monitor().get("/api/incidents/" + id).then().body("review_status", equalTo("CONFIRMED"));
        As.auditor().queryParam("incident", id).get("/api/audit").then()
                .body("items.type", contains("REPORT_RECEIVED", "REPORT_EVALUATED", "REVIEW_DECIDED", "REVIEW_DECIDED"))
                .body("items[3].principal", equalTo(As.SECOND_AUDITOR))
                .body("items[3].data.decision", equalTo("CONFIRMED"))
                .body("items[3].data.reason", equalTo("Imagery shows barrel-bomb craters"));
    }

    @Test
    void the_submitter_of_any_version_can_never_review_it() {
        String id = submit(As.user("duo"), barrelBomb("Al-Shaar"));
        review(As.user("duo"), id, Map.of("decision", "DISMISSED", "reason", "my own report"))
                .statusCode(403).contentType("application/problem+json").body("type", equalTo("/problems/four-eyes"));
        As.auditor().get("/api/incidents/" + id + "/reviews").then().body("$", org.hamcrest.Matchers.empty());
        review(As.auditor(), id, Map.of("decision", "DISMISSED", "reason", "Duplicate of an earlier report"))
                .statusCode(201);
    }

    @Test
    void a_report_corrected_after_review_goes_back_into_the_queue() {
        Map<String, Object> report = barrelBomb("Tariq al-Bab");
        String id = submit(As.monitor(), report);
        review(As.auditor(), id, Map.of("decision", "DISMISSED", "reason", "Wrong district")).statusCode(201);
        assertTrue(!queueOfTheDay().contains(id));
        As.monitor().contentType(ContentType.JSON).body(Json.with(report, "location", "Al-Mashhad"))
                .post("/api/incidents/" + id + "/versions").then().statusCode(201)
                .body("review_status", equalTo("PENDING"));
        assertTrue(queueOfTheDay().contains(id));
        // The earlier review stays, naming the version it was about.
        As.auditor().get("/api/incidents/" + id + "/reviews").then().body("version", contains(1));
    }

    @Test
    void a_bad_review_names_every_field_and_changes_nothing() {
        String id = submit(As.monitor(), barrelBomb("Al-Ansari"));
        review(As.auditor(), id, Map.of("decision", "MAYBE", "colour", "red")).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("decision", "reason", "colour"));
        review(As.auditor(), id, Map.of("decision", "DISMISSED", "reason", "x", "violating_parties", List.of("SAA")))
                .statusCode(400).body("errors.field", contains("violating_parties"));
        review(As.auditor(), id, Map.of("decision", "CONFIRMED", "reason", "x",
                "violating_parties", List.of("SAA", "The Brigade Nobody Registered"))).statusCode(400)
                .body("errors.field", contains("violating_parties[1]"));
        As.auditor().get("/api/incidents/" + id + "/reviews").then().body("$", org.hamcrest.Matchers.empty());
        As.monitor().get("/api/incidents/" + id).then().body("review_status", equalTo("PENDING"));
        review(As.auditor(), UUID.randomUUID().toString(), Map.of("decision", "CONFIRMED", "reason", "x"))
                .statusCode(404);
    }

    @Test
    void a_violation_by_an_unnamed_side_is_queued_with_its_attribution_open_and_the_reviewer_names_it() {
        String id = submit(As.monitor(), Json.of("external_id", "rev-" + UUID.randomUUID(), "event_date", "2015-06-04",
                "event_type", "Explosions/Remote violence", "sub_event_type", "Shelling/artillery/missile attack",
                "actor1", "Unidentified Armed Group (Ukraine)", "country", "Ukraine", "admin1", "Donetsk", "location", "Marinka"));
        String item = "items.find { it.id == '" + id + "' }";
        As.auditor().queryParam("truce", "minsk-2015").queryParam("from", "2015-06-04").queryParam("to", "2015-06-04")
                .get("/api/review/queue").then().statusCode(200)
                .body(item + ".verdict", equalTo("PROBABLE_VIOLATION"))
                .body(item + ".attribution_open", contains("minsk-2015"));
        String named = submit(As.monitor(), Json.of("external_id", "rev-" + UUID.randomUUID(), "event_date", "2015-06-04",
                "event_type", "Explosions/Remote violence", "sub_event_type", "Shelling/artillery/missile attack",
                "actor1", "'DPR' armed formations", "country", "Ukraine", "admin1", "Donetsk", "location", "Marinka"));
        As.auditor().get("/api/incidents/" + named).then().statusCode(200)
                .body("verdict", equalTo("PROBABLE_VIOLATION"))
                .body("attribution_open", org.hamcrest.Matchers.nullValue());
        review(As.auditor(), id, Map.of("decision", "CONFIRMED", "reason", "SMM crater analysis: fired from the east",
                "violating_parties", List.of("'DPR' armed formations"))).statusCode(201);
    }
}
