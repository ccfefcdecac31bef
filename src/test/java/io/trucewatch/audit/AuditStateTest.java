package io.trucewatch.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.trucewatch.access.As;
import io.trucewatch.incidents.IncidentVersion;
import io.trucewatch.incidents.Json;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The incidents' stored state (what lists filter on) is checked against the audit chain: a value
 * changed in the database behind the service's back is named by verify, with the incident, the
 * field, the forged value and the value the chain says. Every forgery is undone in a finally, and
 * each test ends by seeing the trail intact again, so later tests find an untouched database.
 */
@QuarkusTest
class AuditStateTest {

    @Inject
    EntityManager em;

    /** A barrel bomb on civilians in Aleppo: PROBABLE_VIOLATION, so PENDING review. */
    private static Map<String, Object> strike(String externalId) {
        return Json.of("external_id", externalId, "event_date", "2016-04-10",
                "event_type", "Explosions/Remote violence", "sub_event_type", "Air/drone strike",
                "actor1", "Military Forces of Syria (2000-)", "actor2", "Civilians (Syria)",
                "civilian_targeting", true, "weapon", "barrel bomb", "country", "Syria", "admin1", "Aleppo",
                "location", "Al-Haidariyah");
    }

    private static String submit(Map<String, Object> report) {
        return As.monitor().contentType(ContentType.JSON).body(report).post("/api/incidents").then().statusCode(201)
                .extract().path("id");
    }

    private static ValidatableResponse verify() {
        return As.auditor().get("/api/audit/verify").then().statusCode(200);
    }

    private Object column(String sql, String id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).setParameter("id", id)
                .getSingleResult());
    }

    private void update(String sql, String id, Object value) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).setParameter("id", id)
                .setParameter("value", value).executeUpdate());
    }

    @Test
    void untouchedIncidentsVerifyWhateverHappenedToThem() {
        String externalId = "state-" + UUID.randomUUID();
        String id = submit(strike(externalId));
        As.monitor().contentType(ContentType.JSON).body(Json.with(strike(externalId), "location", "Al-Sakhour"))
                .post("/api/incidents/" + id + "/versions").then().statusCode(201);
        As.auditor().contentType(ContentType.JSON)
                .body(Map.of("decision", "CONFIRMED", "reason", "Two sources", "violating_parties", List.of("regime forces")))
                .post("/api/incidents/" + id + "/reviews").then().statusCode(201);
        // Actors the registry reads as alternatives, or not at all (with its nearest names): their
        // resolved forms are recorded and compared too.
        submit(Json.with(Json.with(strike("state-" + UUID.randomUUID()), "actor1", "Russian or Syrian warplanes"),
                "actor2", "Harakat Tahrir al-Watan"));

        verify().body("intact", equalTo(true))
                .body("failed_check", nullValue())
                .body("state_mismatch", nullValue())
                .body("incidents_checked", greaterThanOrEqualTo(1));
        As.monitor().get("/api/audit/verify").then().statusCode(403);
    }

    @Test
    void aForgedVerdictIsNamedWithTheValueTheChainSays() {
        String id = submit(strike("state-" + UUID.randomUUID()));
        String original = (String) column("select verdict from incident where id = :id", id);
        String forged = original.equals("NOT_A_VIOLATION") ? "NEEDS_REVIEW" : "NOT_A_VIOLATION";
        try {
            update("update incident set verdict = :value where id = :id", id, forged);
            verify().body("intact", equalTo(false))
                    .body("failed_check", equalTo("incident_state"))
                    .body("state_mismatch.incident_id", equalTo(id))
                    .body("state_mismatch.field", equalTo("verdict"))
                    .body("state_mismatch.stored", equalTo(forged))
                    .body("state_mismatch.chain", equalTo(original))
                    .body("problem", containsString(id));
        } finally {
            update("update incident set verdict = :value where id = :id", id, original);
        }
        verify().body("intact", equalTo(true));
    }

    @Test
    void aForgedReceiptTimeIsNamed() {
        String id = submit(strike("state-" + UUID.randomUUID()));
        Object original = column("select received_at from incident where id = :id", id);
        java.time.Instant forged = java.time.Instant.parse("2016-04-01T00:00:00Z");
        try {
            update("update incident set received_at = :value where id = :id", id, forged);
            verify().body("intact", equalTo(false))
                    .body("state_mismatch.incident_id", equalTo(id))
                    .body("state_mismatch.field", equalTo("received_at"))
                    .body("state_mismatch.stored", equalTo(forged.toString()));
        } finally {
            update("update incident set received_at = :value where id = :id", id, original);
        }
        verify().body("intact", equalTo(true));
    }

    @Test
    void aForgedReviewStatusIsNamed() {
        String id = submit(strike("state-" + UUID.randomUUID()));
        String original = (String) column("select review_status from incident where id = :id", id);
        try {
            update("update incident set review_status = :value where id = :id", id, "DISMISSED");
            verify().body("intact", equalTo(false))
                    .body("state_mismatch.incident_id", equalTo(id))
                    .body("state_mismatch.field", equalTo("review_status"))
                    .body("state_mismatch.stored", equalTo("DISMISSED"))
                    .body("state_mismatch.chain", equalTo(original));
        } finally {
            update("update incident set review_status = :value where id = :id", id, original);
        }
        verify().body("intact", equalTo(true));
    }

    @Test
    void aForgedReviewStatusAfterARealReviewIsNamedWithTheDecision() {
        String id = submit(strike("state-" + UUID.randomUUID()));
        As.auditor().contentType(ContentType.JSON).body(Map.of("decision", "DISMISSED", "reason", "Staged footage"))
                .post("/api/incidents/" + id + "/reviews").then().statusCode(201);
        verify().body("intact", equalTo(true));
        try {
            update("update incident set review_status = :value where id = :id", id, "CONFIRMED");
            verify().body("intact", equalTo(false))
                    .body("state_mismatch.field", equalTo("review_status"))
                    .body("state_mismatch.stored", equalTo("CONFIRMED"))
                    .body("state_mismatch.chain", equalTo("DISMISSED"));
        } finally {
            update("update incident set review_status = :value where id = :id", id, "DISMISSED");
        }
        verify().body("intact", equalTo(true));
    }

    @Test
    void aForgedPerTruceVerdictIsNamed() {
        String id = submit(strike("state-" + UUID.randomUUID()));
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select truce_id, verdict from incident_truce_verdict where incident_id = :id order by truce_id")
                .setParameter("id", id).setMaxResults(1).getSingleResult());
        String truce = (String) row[0];
        String original = (String) row[1];
        String forged = original.equals("NOT_A_VIOLATION") ? "OUT_OF_SCOPE" : "NOT_A_VIOLATION";
        String sql = "update incident_truce_verdict set verdict = :value where incident_id = :id and truce_id = '"
                + truce.replace("'", "''") + "'";
        try {
            update(sql, id, forged);
            verify().body("intact", equalTo(false))
                    .body("state_mismatch.incident_id", equalTo(id))
                    .body("state_mismatch.field", equalTo("truce_verdicts[" + truce + "]"))
                    .body("state_mismatch.stored", equalTo(forged))
                    .body("state_mismatch.chain", equalTo(original));
        } finally {
            update(sql, id, original);
        }
        verify().body("intact", equalTo(true));
    }

    @Test
    void aForgedCurrentVersionOrARemovedVersionIsNamed() {
        String externalId = "state-" + UUID.randomUUID();
        String id = submit(strike(externalId));
        As.monitor().contentType(ContentType.JSON).body(Json.with(strike(externalId), "location", "Al-Sakhour"))
                .post("/api/incidents/" + id + "/versions").then().statusCode(201);
        try {
            update("update incident set current_version = :value where id = :id", id, 1);
            verify().body("intact", equalTo(false))
                    .body("state_mismatch.field", equalTo("current_version"))
                    .body("state_mismatch.stored", equalTo("1"))
                    .body("state_mismatch.chain", equalTo("2"));
        } finally {
            update("update incident set current_version = :value where id = :id", id, 2);
        }

        IncidentVersion second = QuarkusTransaction.requiringNew().call(() -> copy(IncidentVersion
                .<IncidentVersion>find("incidentId = ?1 and number = 2", id).singleResult()));
        try {
            QuarkusTransaction.requiringNew().run(() -> IncidentVersion.delete("incidentId = ?1 and number = 2", id));
            verify().body("intact", equalTo(false))
                    .body("state_mismatch.incident_id", equalTo(id))
                    .body("state_mismatch.field", equalTo("version_count"))
                    .body("state_mismatch.stored", equalTo("1"))
                    .body("state_mismatch.chain", equalTo("2"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> copy(second).persist());
        }
        verify().body("intact", equalTo(true));
    }

    /**
     * What the registry read the actors as is in the stored report (patterns and event links read
     * it there) and in the actor index (the actor filter): forged in either, verify names it.
     */
    @Test
    void aForgedResolvedActorOrActorIndexIsNamed() {
        String id = submit(strike("state-" + UUID.randomUUID()));
        String government = "\"actor_id\":\"syrian-government-forces\"";
        String forgedActor = "\"actor_id\":\"islamic-state\"";
        for (String[] copy : new String[][] {{"incident", "id", "resolved_actors"},
                {"incident_version", "incident_id", "versions[1].resolved_actors"}}) {
            String select = "select report_json from " + copy[0] + " where " + copy[1] + " = :id";
            String original = (String) column(select, id);
            assertTrue(original.contains(government), original);
            String sql = "update " + copy[0] + " set report_json = :value where " + copy[1] + " = :id";
            try {
                update(sql, id, original.replace(government, forgedActor));
                verify().body("intact", equalTo(false))
                        .body("state_mismatch.incident_id", equalTo(id))
                        .body("state_mismatch.field", equalTo(copy[2]))
                        .body("state_mismatch.stored", containsString("islamic-state"))
                        .body("state_mismatch.chain", containsString("syrian-government-forces"));
            } finally {
                update(sql, id, original);
            }
        }

        String index = "update incident_actor set actor_id = :value where incident_id = :id and position = 0";
        String original = (String) column("select actor_id from incident_actor where incident_id = :id and position = 0", id);
        try {
            update(index, id, "islamic-state");
            verify().body("intact", equalTo(false))
                    .body("state_mismatch.incident_id", equalTo(id))
                    .body("state_mismatch.field", equalTo("actor_index"))
                    .body("state_mismatch.stored", containsString("islamic-state"))
                    .body("state_mismatch.chain", containsString(original));
        } finally {
            update(index, id, original);
        }
        verify().body("intact", equalTo(true));
    }

    private static IncidentVersion copy(IncidentVersion version) {
        IncidentVersion copy = new IncidentVersion();
        copy.incidentId = version.incidentId;
        copy.number = version.number;
        copy.receivedAt = version.receivedAt;
        copy.submittedBy = version.submittedBy;
        copy.judged = version.judged.copy();
        return copy;
    }
}
