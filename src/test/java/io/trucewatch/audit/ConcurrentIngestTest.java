package io.trucewatch.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.trucewatch.access.As;
import io.trucewatch.incidents.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Speed must not cost correctness: many threads post distinct reports at once; afterwards every
 * report is stored once, each has its two audit entries, and the chain verifies end to end.
 */
@QuarkusTest
class ConcurrentIngestTest {

    private static final int THREADS = 12;
    private static final int EACH = 15;
    /** A day and place no other test uses, to count this test's reports. */
    private static final String DAY = "2016-05-29";

    @Test
    void concurrent_submissions_are_all_stored_once_and_the_chain_stays_whole() throws Exception {
        String run = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<Integer>>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < EACH; i++) {
                    statuses.add(As.monitor().contentType(ContentType.JSON).body(Json.of(
                            "external_id", "conc-" + run + "-" + thread + "-" + i, "event_date", DAY,
                            "event_type", "Explosions/Remote violence", "sub_event_type", "Air/drone strike",
                            "actor1", "SAA", "actor2", "Civilians (Syria)", "weapon", "barrel bomb",
                            "country", "Syria", "admin1", "Hama", "location", "Kafr Zita"))
                            .post("/api/incidents").statusCode());
                }
                return statuses;
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> result : results) {
            statuses.addAll(result.get());
        }
        pool.shutdown();
        assertEquals(THREADS * EACH, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        As.auditor().queryParam("from", DAY).queryParam("to", DAY).queryParam("admin1", "Hama")
                .get("/api/incidents").then().body("total", equalTo(THREADS * EACH));
        As.auditor().get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
        List<String> ids = As.auditor().queryParam("from", DAY).queryParam("to", DAY).queryParam("admin1", "Hama")
                .queryParam("size", 200).get("/api/incidents").then().extract().path("items.id");
        for (String id : ids.subList(0, 10)) {
            As.auditor().queryParam("incident", id).get("/api/audit").then()
                    .body("items.type", equalTo(List.of("REPORT_RECEIVED", "REPORT_EVALUATED")));
        }
    }
}
