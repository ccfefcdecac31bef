package io.trucewatch.incidents;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.trucewatch.access.As;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A correction is a new version: judged afresh, linked to the old one, nothing overwritten. */
@QuarkusTest
class VersionHistoryTest {

    /** The seed article's al-Rai case as first reported: IS retaking the town, not a violation. */
    static Map<String, Object> alRai(String externalId) {
        return Json.of("external_id", externalId, "event_date", "2016-04-11", "event_type", "Battles",
                "sub_event_type", "Non-state actor overtakes territory", "actor1", "Islamic State",
                "actor2", "Free Syrian Army", "country", "Syria", "admin1", "Aleppo", "location", "Al-Rai");
    }

    static String submit(Map<String, Object> report) {
        return As.monitor().contentType(ContentType.JSON).body(report).post("/api/incidents").then()
                .statusCode(201).extract().path("id");
    }

    @Test
    void a_correction_is_a_new_version_judged_afresh_and_the_first_stays_readable() {
        String externalId = "ver-" + UUID.randomUUID();
        String id = submit(alRai(externalId));
        // Corrected: the attacker was in fact the government's air force, on civilians in rebel-held
        // eastern Aleppo (not IS-held al-Rai, where a strike would be exempt by place).
        Map<String, Object> corrected = Json.with(alRai(externalId), "event_type", "Explosions/Remote violence",
                "sub_event_type", "Air/drone strike", "actor1", "Military Forces of Syria (2000-)",
                "actor2", "Civilians (Syria)", "civilian_targeting", true, "weapon", "barrel bomb",
                "location", "Al-Haidariyah");
        As.monitor().contentType(ContentType.JSON).body(corrected).post("/api/incidents/" + id + "/versions").then()
                .statusCode(201)
                .header("Location", endsWith("/api/incidents/" + id + "/versions/2"))
                .body("version", equalTo(2))
                .body("verdict", equalTo("PROBABLE_VIOLATION"))
                .body("review_status", equalTo("PENDING"));

        As.auditor().get("/api/incidents/" + id).then().statusCode(200)
                .body("version", equalTo(2))
                .body("incident.actor1", equalTo("Military Forces of Syria (2000-)"))
                .body("versions", hasSize(2))
                .body("versions.version", contains(1, 2))
                .body("versions.verdict", contains("NOT_A_VIOLATION", "PROBABLE_VIOLATION"))
                .body("versions.submitted_by", contains(As.MONITOR, As.MONITOR));
        As.auditor().get("/api/incidents/" + id + "/versions/1").then().statusCode(200)
                .body("version", equalTo(1))
                .body("verdict", equalTo("NOT_A_VIOLATION"))
                .body("incident.actor1", equalTo("Islamic State"))
                .body("evaluations.find { it.truce == 'syria-coh-2016' }.findings.rule", hasItem("act-by-excluded-group"));
        As.auditor().get("/api/incidents/" + id + "/versions/3").then().statusCode(404)
                .contentType("application/problem+json");

        As.auditor().queryParam("incident", id).get("/api/audit").then().statusCode(200)
                .body("items.type", contains("REPORT_RECEIVED", "REPORT_EVALUATED", "REPORT_CORRECTED",
                        "REPORT_EVALUATED"))
                .body("items[2].principal", equalTo(As.MONITOR))
                .body("items[2].data.version", equalTo(2))
                .body("items[2].data.previous_version", equalTo(1))
                .body("items[3].data.verdict", equalTo("PROBABLE_VIOLATION"));
        // Lists and filters see the latest version only.
        As.monitor().queryParam("actor", "Islamic State").queryParam("submitted_by", As.MONITOR)
                .queryParam("size", 200).get("/api/incidents").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
    }

    @Test
    void sending_the_latest_content_again_changes_nothing_and_the_original_post_stays_idempotent() {
        String externalId = "ver-" + UUID.randomUUID();
        String id = submit(alRai(externalId));
        Map<String, Object> corrected = Json.with(alRai(externalId), "fatalities", 4);
        As.monitor().contentType(ContentType.JSON).body(corrected).post("/api/incidents/" + id + "/versions").then()
                .statusCode(201).body("version", equalTo(2));
        As.monitor().contentType(ContentType.JSON).body(corrected).post("/api/incidents/" + id + "/versions").then()
                .statusCode(200).body("version", equalTo(2));
        // A retry of the first POST after the correction is still "the same report", not a conflict.
        As.monitor().contentType(ContentType.JSON).body(alRai(externalId)).post("/api/incidents").then()
                .statusCode(200).body("id", equalTo(id));
        As.monitor().get("/api/incidents/" + id).then().body("versions", hasSize(2));
    }

    @Test
    void only_the_submitter_corrects_and_the_external_id_cannot_change() {
        String externalId = "ver-" + UUID.randomUUID();
        String id = submit(alRai(externalId));
        As.secondMonitor().contentType(ContentType.JSON).body(Json.with(alRai(externalId), "fatalities", 1))
                .post("/api/incidents/" + id + "/versions").then()
                .statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-the-submitter"));
        As.monitor().contentType(ContentType.JSON).body(alRai("another-id"))
                .post("/api/incidents/" + id + "/versions").then()
                .statusCode(400).body("errors.field", contains("external_id"));
        As.monitor().contentType(ContentType.JSON).body(Json.without(alRai(externalId), "actor1"))
                .post("/api/incidents/" + id + "/versions").then()
                .statusCode(400).body("errors.field", hasItem("actor1"));
        As.monitor().get("/api/incidents/" + id).then().body("version", equalTo(1)).body("versions", hasSize(1));
        As.monitor().contentType(ContentType.JSON).body(alRai("x"))
                .post("/api/incidents/" + UUID.randomUUID() + "/versions").then().statusCode(404);
    }
}
