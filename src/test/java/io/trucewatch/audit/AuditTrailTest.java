package io.trucewatch.audit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.trucewatch.access.As;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditTrailTest {

    @Inject
    EntityManager em;

    private static final Map<String, Object> REPORT = Map.of("event_date", "2016-04-10",
            "event_type", "Explosions/Remote violence", "sub_event_type", "Air/drone strike",
            "actor1", "SAA", "actor2", "Civilians (Syria)", "admin1", "Aleppo");

    private String submit() {
        return As.monitor().contentType(ContentType.JSON).body(REPORT).post("/api/incidents").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void everyStepOfAReportIsRecordedWithTheVersionAndFiredRules() {
        String id = submit();
        As.auditor().queryParam("incident", id).get("/api/audit").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.type", contains("REPORT_RECEIVED", "REPORT_EVALUATED"))
                .body("items[0].incident_id", equalTo(id))
                .body("items[0].principal", equalTo(As.MONITOR))
                .body("items[0].data.report.actor1", equalTo("SAA"))
                .body("items[1].data.ruleset_version", matchesPattern("sha256:[0-9a-f]{64}"))
                .body("items[1].data.evaluations.find { it.truce == 'syria-coh-2016' }.fired_rules", hasItem("attack-on-civilians"))
                .body("items[1].previous_hash", equalTo(
                        As.auditor().queryParam("incident", id).get("/api/audit").then().extract().path("items[0].hash")));
        As.auditor().get("/api/audit").then().statusCode(200)
                .body("items[0].type", equalTo("RULESET_ACTIVATED"))
                .body("items[0].seq", equalTo(1));
    }

    @Test
    void theChainHoldsAndATamperedEntryIsFound() {
        submit();
        As.auditor().get("/api/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true))
                .body("entries_checked", greaterThan(1))
                .body("head_hash", matchesPattern("[0-9a-f]{64}"));

        String id = submit();
        long seq = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select min(seq) from audit_entry where incident_id = :id").setParameter("id", id).getSingleResult())
                .longValue());
        String original = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select principal from audit_entry where seq = :seq").setParameter("seq", seq).getSingleResult());
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update audit_entry set principal = 'mallory' where seq = :seq").setParameter("seq", seq)
                    .executeUpdate());
            As.auditor().get("/api/audit/verify").then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("first_broken_seq", equalTo((int) seq))
                    .body("entries_checked", equalTo((int) seq - 1))
                    .body("problem", containsString("altered"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update audit_entry set principal = :p where seq = :seq").setParameter("p", original)
                    .setParameter("seq", seq).executeUpdate());
        }
        As.auditor().get("/api/audit/verify").then().body("intact", equalTo(true));
    }

    private static AuditEntry copy(AuditEntry entry) {
        AuditEntry copy = new AuditEntry();
        copy.seq = entry.seq;
        copy.recordedAt = entry.recordedAt;
        copy.type = entry.type;
        copy.incidentId = entry.incidentId;
        copy.principal = entry.principal;
        copy.data = entry.data;
        copy.previousHash = entry.previousHash;
        copy.hash = entry.hash;
        return copy;
    }

    @Test
    void aRemovedEntryIsFound() {
        String id = submit();
        long last = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select max(seq) from audit_entry where incident_id = :id").setParameter("id", id).getSingleResult())
                .longValue());
        AuditEntry removed = QuarkusTransaction.requiringNew().call(() -> copy(AuditEntry.findById(last)));
        try {
            QuarkusTransaction.requiringNew().run(() -> AuditEntry.deleteById(last));
            As.auditor().get("/api/audit/verify").then().body("intact", equalTo(false))
                    .body("problem", containsString("removed"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> copy(removed).persist());
        }
        As.auditor().get("/api/audit/verify").then().body("intact", equalTo(true));
    }
}
