package io.trucewatch.incidents;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.trucewatch.access.As;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** CONTRACT §4: the same external_id and content → 200 and one record; other content → 409, unchanged. */
@QuarkusTest
class IdempotencyTest {

    private static long recordsWith(String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> Incident.count("externalId", externalId));
    }

    @Test
    void theSameReportTwiceIsStoredOnce() {
        String externalId = "SYR-" + UUID.randomUUID();
        Map<String, Object> report = Json.with(IncidentInputTest.VALID, "external_id", externalId);
        String id = As.monitor().contentType(ContentType.JSON).body(report).post("/api/incidents").then()
                .statusCode(201).extract().path("id");
        long auditEntries = QuarkusTransaction.requiringNew().call(() -> io.trucewatch.audit.AuditEntry.count());

        As.monitor().contentType(ContentType.JSON).body(report).post("/api/incidents").then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("external_id", equalTo(externalId))
                .body("verdict", equalTo("PROBABLE_VIOLATION"));
        assertEquals(1, recordsWith(externalId));
        assertEquals(auditEntries, QuarkusTransaction.requiringNew().call(() -> io.trucewatch.audit.AuditEntry.count()),
                "a resubmission adds no audit entry");
    }

    @Test
    void concurrentResubmissionsStillMakeOneRecord() throws Exception {
        String externalId = "SYR-" + UUID.randomUUID();
        Map<String, Object> report = Json.with(IncidentInputTest.VALID, "external_id", externalId);
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            statuses.add(pool.submit(() -> {
                start.await();
                return As.monitor().contentType(ContentType.JSON).body(report).post("/api/incidents").statusCode();
            }));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            codes.add(status.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes::toString);
        assertEquals(clients - 1, codes.stream().filter(c -> c == 200).count(), codes::toString);
        assertEquals(1, recordsWith(externalId));
    }

    @Test
    void normalisedEqualContentCountsAsTheSame() {
        String externalId = "SYR-" + UUID.randomUUID();
        Map<String, Object> report = Json.with(IncidentInputTest.VALID, "external_id", externalId);
        As.monitor().contentType(ContentType.JSON).body(report).post("/api/incidents").then().statusCode(201);
        As.monitor().contentType(ContentType.JSON)
                .body(Json.with(report, "event_type", "EXPLOSIONS/REMOTE VIOLENCE", "actor1", "  SAA "))
                .post("/api/incidents").then().statusCode(200);
        assertEquals(1, recordsWith(externalId));
    }

    @Test
    void otherContentUnderTheSameExternalIdIsAConflictAndChangesNothing() {
        String externalId = "SYR-" + UUID.randomUUID();
        Map<String, Object> report = Json.with(IncidentInputTest.VALID, "external_id", externalId);
        String id = As.monitor().contentType(ContentType.JSON).body(report).post("/api/incidents").then()
                .statusCode(201).extract().path("id");

        As.monitor().contentType(ContentType.JSON).body(Json.with(report, "fatalities", 12)).post("/api/incidents").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", containsString(externalId));
        assertEquals(1, recordsWith(externalId));
        As.monitor().get("/api/incidents/" + id).then().statusCode(200).body("incident.fatalities", equalTo(null));
    }
}
