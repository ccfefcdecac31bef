package io.trucewatch.reports;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.trucewatch.access.As;
import io.trucewatch.incidents.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The daily report's counts on a known data set, on days no other test uses. */
@QuarkusTest
class DailyReportTest {

    private static final String DAY1 = "2016-05-23";
    private static final String DAY2 = "2016-05-24";
    private static final String SAA = "Military Forces of Syria (2000-)";
    private static boolean loaded;

    private static String post(String day, String actor1, String actor2, String admin1, String location) {
        Map<String, Object> report = Json.of("event_date", day, "event_type", "Explosions/Remote violence",
                "sub_event_type", "Shelling/artillery/missile attack", "actor1", actor1, "actor2", actor2,
                "civilian_targeting", actor2.startsWith("Civilians"), "weapon", "artillery", "country", "Syria",
                "admin1", admin1, "location", location);
        return As.monitor().contentType(ContentType.JSON).body(report).post("/api/incidents").then()
                .statusCode(201).extract().path("id");
    }

    /** Once per test run; not @BeforeAll, which runs before the test's HTTP port is known. */
    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        post(DAY1, "SAA", "Civilians (Syria)", "Aleppo", "Al-Sakhour");
        post(DAY1, "regime forces", "Civilians (Syria)", "Aleppo", "Al-Shaar");
        post(DAY1, "SAA", "Civilians (Syria)", "Idleb", "Kafr Nabl");
        post(DAY1, "Islamic State", "Free Syrian Army", "Aleppo", "Al-Rai");
        String confirmed = post(DAY2, "SAA", "Civilians (Syria)", "Aleppo", "Al-Ansari");
        As.auditor().contentType(ContentType.JSON).body(Map.of("decision", "CONFIRMED", "reason", "Two sources"))
                .post("/api/incidents/" + confirmed + "/reviews").then().statusCode(201);
        // Outside the truce (another country): not counted.
        As.monitor().contentType(ContentType.JSON).body(Json.of("event_date", DAY1, "event_type", "Battles",
                "sub_event_type", "Armed clash", "actor1", "SAA", "actor2", "Free Syrian Army", "country", "Iraq",
                "admin1", "Ninewa")).post("/api/incidents").then().statusCode(201);
        loaded = true;
    }

    @Test
    void counts_per_day_party_and_admin1_by_verdict_and_review() {
        JsonPath report = As.auditor().queryParam("truce", "syria-coh-2016").queryParam("from", DAY1)
                .queryParam("to", DAY2).get("/api/reports/daily").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> rows = report.getList("rows");
        assertEquals(4, rows.size(), rows.toString());
        assertRow(report, 0, DAY1, "Islamic State (Syria)", "Aleppo", 1, Map.of("NOT_A_VIOLATION", 1), Map.of("NOT_REQUIRED", 1));
        assertRow(report, 1, DAY1, SAA, "Aleppo", 2, Map.of("PROBABLE_VIOLATION", 2), Map.of("PENDING", 2));
        // Kafr Nabl: Nusra held ground there beside the opposition (the map's mixed holding), so a person decides.
        assertRow(report, 2, DAY1, SAA, "Idleb", 1, Map.of("NEEDS_REVIEW", 1), Map.of("PENDING", 1));
        assertRow(report, 3, DAY2, SAA, "Aleppo", 1, Map.of("PROBABLE_VIOLATION", 1), Map.of("CONFIRMED", 1));
    }

    @Test
    void the_same_rows_as_csv() {
        String csv = As.monitor().accept("text/csv").queryParam("truce", "syria-coh-2016").queryParam("from", DAY1)
                .queryParam("to", DAY2).get("/api/reports/daily").then().statusCode(200).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("date,party,admin1,total,events,PROBABLE_VIOLATION,NEEDS_REVIEW,NOT_A_VIOLATION,review_PENDING,"
                + "review_ESCALATED,review_CONFIRMED,review_DISMISSED,review_NOT_REQUIRED", lines.get(0));
        assertEquals(5, lines.size(), csv);
        // Not linked into events in this profile (the follower is off): each report is an event of its own.
        assertEquals(DAY1 + ",\"" + SAA + "\",Aleppo,2,2,2,0,0,2,0,0,0,0", lines.get(2));
        assertEquals(DAY2 + ",\"" + SAA + "\",Aleppo,1,1,1,0,0,0,0,1,0,0", lines.get(4));
    }

    @Test
    void truce_and_dates_are_required_and_checked() {
        As.auditor().get("/api/reports/daily").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("truce", "from", "to"));
        As.auditor().queryParam("truce", "no-such-truce").queryParam("from", DAY2).queryParam("to", DAY1)
                .get("/api/reports/daily").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("truce", "to"));
        As.admin().queryParam("truce", "syria-coh-2016").queryParam("from", DAY1).queryParam("to", DAY2)
                .get("/api/reports/daily").then().statusCode(403);
    }

    private static void assertRow(JsonPath report, int i, String day, String party, String admin1, int total,
            Map<String, Integer> verdicts, Map<String, Integer> reviews) {
        String row = "rows[" + i + "].";
        assertEquals(day, report.getString(row + "date"), row);
        assertEquals(party, report.getString(row + "party"), row);
        assertEquals(admin1, report.getString(row + "admin1"), row);
        assertEquals(total, report.getInt(row + "total"), row);
        for (String verdict : List.of("PROBABLE_VIOLATION", "NEEDS_REVIEW", "NOT_A_VIOLATION")) {
            assertEquals(verdicts.getOrDefault(verdict, 0), report.getInt(row + "verdicts." + verdict), row + verdict);
        }
        for (String review : List.of("PENDING", "ESCALATED", "CONFIRMED", "DISMISSED", "NOT_REQUIRED")) {
            assertEquals(reviews.getOrDefault(review, 0), report.getInt(row + "reviews." + review), row + review);
        }
    }
}
