package io.trucewatch.patterns;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.trucewatch.access.As;
import io.trucewatch.incidents.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Patterns end to end: reports posted over HTTP in shuffled order, judged, followed by the pattern
 * follower, stored, audited and served by GET /api/patterns. Other tests post reports too, so each
 * test here uses its own days and checks the patterns that hold its reports.
 */
@QuarkusTest
@TestProfile(PatternsOn.class)
class PatternApiTest {

    private static String post(Map<String, Object> report) {
        return As.monitor().contentType(ContentType.JSON).body(report).when().post("/api/incidents").then()
                .statusCode(201).extract().path("id");
    }

    private static Map<String, Object> barrelBomb(String day) {
        return Json.of("event_date", day, "event_type", "Explosions/Remote violence", "sub_event_type", "Air/drone strike",
                "actor1", "Military Forces of Syria (2000-)", "actor2", "Civilians (Syria)", "civilian_targeting", true,
                "weapon", "barrel bomb", "country", "Syria", "admin1", "Aleppo", "location", "Al-Haidariyah",
                "latitude", 36.228, "longitude", 37.183);
    }

    private static Map<String, Object> besideNusra(String day, String admin1) {
        return Json.of("event_date", day, "event_type", "Battles", "sub_event_type", "Armed clash",
                "actor1", "Al-Nusra Front", "assoc_actor_1", "Free Syrian Army",
                "actor2", "Military Forces of Syria (2000-)", "country", "Syria", "admin1", admin1);
    }

    /** The patterns (of any status) holding any of {@code ids}, once the follower has caught up. */
    private static List<Map<String, Object>> patternsOf(List<String> ids, String pattern, String status) {
        JsonPath page = As.auditor().queryParam("status", status).queryParam("size", 200).get("/api/patterns")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        List<Map<String, Object>> holding = new ArrayList<>();
        for (Map<String, Object> item : items) {
            @SuppressWarnings("unchecked")
            List<String> incidents = (List<String>) item.get("incidents");
            if (item.get("pattern").equals(pattern) && incidents.stream().anyMatch(ids::contains)) {
                holding.add(item);
            }
        }
        return holding;
    }

    private static <T> T await(Supplier<T> value, java.util.function.Predicate<T> done, String what) {
        long until = System.nanoTime() + 30_000_000_000L;
        T last = value.get();
        while (!done.test(last)) {
            if (System.nanoTime() > until) {
                fail("waited 30 s for " + what + "; last seen: " + last);
            }
            pause(200);
            last = value.get();
        }
        return last;
    }

    @Test
    void the_seed_articles_10_11_april_in_shuffled_order_make_a_burst_and_a_coordinated_offensive() {
        List<Map<String, Object>> reports = new ArrayList<>(List.of(barrelBomb("2016-04-10"), barrelBomb("2016-04-10"),
                barrelBomb("2016-04-10"), besideNusra("2016-04-10", "Aleppo"), besideNusra("2016-04-11", "Hama"),
                besideNusra("2016-04-11", "Lattakia")));
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5));
        Collections.shuffle(order, new Random(11));
        String[] ids = new String[6];
        for (int i : order) {
            ids[i] = post(reports.get(i));
        }
        List<String> bombs = List.of(ids[0], ids[1], ids[2]);
        List<String> offensive = List.of(ids[3], ids[4], ids[5]);
        Map<String, Object> burst = await(() -> patternsOf(bombs, "burst", "ACTIVE"),
                found -> found.size() == 1 && ((List<?>) found.get(0).get("incidents")).containsAll(bombs), "the burst").get(0);
        assertEquals("Government of Syria", burst.get("party"));
        assertEquals("PROBABLE_VIOLATION", burst.get("verdict"));
        assertEquals("burst-of-indiscriminate-weapons", burst.get("rule"));
        assertEquals("2", burst.get("clause"));
        assertEquals("PENDING", burst.get("review_status"));
        assertTrue(((String) burst.get("explanation")).contains("indiscriminate weapons by Government of Syria in Aleppo within 24 h"),
                burst.toString());

        Map<String, Object> coordinated = await(() -> patternsOf(offensive, "coordinated-offensive", "ACTIVE"),
                found -> found.size() == 1 && ((List<?>) found.get(0).get("incidents")).containsAll(offensive),
                "the coordinated offensive").get(0);
        assertEquals("Free Syrian Army factions", coordinated.get("party"));
        assertEquals("NEEDS_REVIEW", coordinated.get("verdict"));
        assertTrue(((List<?>) coordinated.get("areas")).containsAll(List.of("Aleppo", "Hama", "Lattakia")), coordinated.toString());
        assertTrue(((String) coordinated.get("explanation")).contains("beside a group the truce excludes"), coordinated.toString());

        As.monitor().get("/api/patterns/" + burst.get("id")).then().statusCode(200)
                .body("id", equalTo(burst.get("id"))).body("incidents", hasItem(ids[0]))
                .body("reports.find { it.incident_id == '" + ids[0] + "' }.version", equalTo(1));

        // Replay: the ruleset version that found it, from its reports as counted, finds it again.
        As.auditor().post("/api/patterns/" + burst.get("id") + "/replay").then().statusCode(200)
                .body("reproduced", equalTo(true)).body("again.verdict", equalTo("PROBABLE_VIOLATION"));

        // An auditor decides on it; a party of their own is refused (the rule found the party).
        As.auditor().contentType(ContentType.JSON)
                .body(Map.of("decision", "CONFIRMED", "reason", "x", "violating_parties", List.of("Russian Federation")))
                .post("/api/patterns/" + burst.get("id") + "/reviews").then().statusCode(400)
                .body("errors.field", hasItem("violating_parties"));
        As.auditor().contentType(ContentType.JSON)
                .body(Map.of("decision", "CONFIRMED", "reason", "thirty barrel bombs, AFP and SOHR"))
                .post("/api/patterns/" + burst.get("id") + "/reviews").then().statusCode(200)
                .body("review_status", equalTo("CONFIRMED"));
        As.monitor().contentType(ContentType.JSON).body(Map.of("decision", "CONFIRMED", "reason", "x"))
                .post("/api/patterns/" + burst.get("id") + "/reviews").then().statusCode(403);
        assertTrue(latestAuditTypes().contains("PATTERN_REVIEWED"));
        As.auditor().get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void a_late_report_completes_a_burst_and_a_correction_that_moves_one_away_withdraws_it() {
        String first = post(barrelBomb("2016-05-21"));
        String second = post(barrelBomb("2016-05-21"));
        List<String> ids = new ArrayList<>(List.of(first, second));
        // Give the follower (a round a second) time to take the first two alone, so that the third
        // arrives after them and the burst is found again on its arrival, not in one round.
        pause(2500);
        assertEquals(List.of(), patternsOf(ids, "burst", "ACTIVE"));
        String late = post(barrelBomb("2016-05-21"));
        ids.add(late);
        Map<String, Object> burst = await(() -> patternsOf(ids, "burst", "ACTIVE"),
                found -> found.size() == 1 && ((List<?>) found.get(0).get("incidents")).containsAll(ids), "the burst").get(0);
        assertEquals(3, ((List<?>) burst.get("incidents")).size(), burst.toString());

        Map<String, Object> moved = barrelBomb("2016-05-27");
        As.monitor().contentType(ContentType.JSON).body(moved).post("/api/incidents/" + late + "/versions").then()
                .statusCode(201);
        Map<String, Object> withdrawn = await(() -> patternsOf(ids, "burst", "WITHDRAWN"),
                found -> found.size() == 1, "the burst withdrawn").get(0);
        assertEquals(burst.get("id"), withdrawn.get("id"));
        assertEquals(2, ((Number) withdrawn.get("revision")).intValue());
        assertEquals(List.of(), patternsOf(ids, "burst", "ACTIVE"));
        As.auditor().contentType(ContentType.JSON).body(Map.of("decision", "DISMISSED", "reason", "gone"))
                .post("/api/patterns/" + burst.get("id") + "/reviews").then().statusCode(409);

        List<String> types = latestAuditTypes();
        assertTrue(types.contains("PATTERN_DETECTED") && types.contains("PATTERN_WITHDRAWN"), types.toString());
        As.auditor().get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    /** The types of the newest audit entries (the list is in chain order, oldest first). */
    private static List<String> latestAuditTypes() {
        long total = As.auditor().get("/api/audit").then().extract().jsonPath().getLong("total");
        long last = Math.max(0, (total - 1) / 200);
        List<String> types = new ArrayList<>();
        for (long page = Math.max(0, last - 1); page <= last; page++) {
            types.addAll(As.auditor().queryParam("size", 200).queryParam("page", page).get("/api/audit").then()
                    .extract().jsonPath().getList("items.type"));
        }
        return types;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void bad_filters_are_refused_naming_the_field() {
        As.auditor().queryParam("truce", "no-such-truce").get("/api/patterns").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("truce"));
        As.auditor().queryParam("from", "2016-13-01").get("/api/patterns").then().statusCode(400)
                .body("errors.field", hasItem("from"));
        As.auditor().queryParam("status", "SOMETIMES").get("/api/patterns").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        As.auditor().get("/api/patterns/pat_none").then().statusCode(404);
    }
}
