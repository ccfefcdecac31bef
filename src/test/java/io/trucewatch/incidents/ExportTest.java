package io.trucewatch.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.trucewatch.access.As;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** CSV (ACLED columns) and GeoJSON (RFC 7946) exports of the same filtered reports. */
@QuarkusTest
class ExportTest {

    private static final String DAY = "2016-05-19";
    private static final String NOTES = "Witness: \"two barrels\", then fire;\nsecond line";
    private static boolean submitted;

    /** Once per test run (the database is shared by all tests of the run). */
    private void submitOnce() {
        if (submitted) {
            return;
        }
        post(Json.of("external_id", "exp-" + UUID.randomUUID(), "event_date", DAY,
                "event_type", "Explosions/Remote violence", "sub_event_type", "Air/drone strike",
                "actor1", "SAA", "actor2", "Civilians (Syria)", "civilian_targeting", true, "weapon", "barrel bomb",
                "country", "Syria", "admin1", "Aleppo", "location", "Al-Haidariyah",
                "latitude", 36.228, "longitude", 37.183, "fatalities", 7, "notes", NOTES));
        post(Json.of("external_id", "exp-" + UUID.randomUUID(), "event_date", DAY, "event_type", "Battles",
                "sub_event_type", "Non-state actor overtakes territory", "actor1", "Islamic State",
                "actor2", "Free Syrian Army", "country", "Syria", "admin1", "Aleppo", "location", "Al-Rai"));
        submitted = true;
    }

    private static void post(Map<String, Object> report) {
        As.monitor().contentType(ContentType.JSON).body(report).post("/api/incidents").then().statusCode(201);
    }

    @Test
    void csv_has_the_contract_fields_in_acled_order_then_the_verdict_columns_and_survives_quoting() throws Exception {
        submitOnce();
        String csv = As.auditor().accept("text/csv").queryParam("from", DAY).queryParam("to", DAY)
                .get("/api/incidents").then().statusCode(200).contentType("text/csv").extract().asString();
        List<Map<String, String>> rows = parse(csv);
        List<String> header = List.of(csv.substring(0, csv.indexOf('\n')).split(","));
        List<String> expected = new ArrayList<>(AcledCsv.REPORT_COLUMNS);
        expected.addAll(List.of("verdict", "violating_parties", "rules", "review_status", "ruleset_version"));
        assertEquals(expected, header);
        assertEquals(List.of("external_id", "event_date", "occurred_at", "time_precision", "event_type"),
                header.subList(0, 5), "ACLED order: id, date, precision, then the event type");
        assertEquals(2, rows.size(), csv);
        Map<String, String> bomb = rows.get(0);
        assertEquals("SAA", bomb.get("actor1"));
        assertEquals(NOTES, bomb.get("notes"), "quotes, a semicolon and a newline survive");
        assertEquals("36.228", bomb.get("latitude"));
        assertEquals("7", bomb.get("fatalities"));
        assertEquals("true", bomb.get("civilian_targeting"));
        assertEquals("PROBABLE_VIOLATION", bomb.get("verdict"));
        assertEquals("Government of Syria", bomb.get("violating_parties"));
        assertTrue(bomb.get("rules").contains("indiscriminate-weapon-on-civilians"), bomb.get("rules"));
        assertEquals("PENDING", bomb.get("review_status"));
        assertTrue(bomb.get("ruleset_version").startsWith("sha256:"));
        assertEquals("NOT_A_VIOLATION", rows.get(1).get("verdict"));
        assertEquals("", rows.get(1).get("latitude"));
        // Filters apply to exports as to the JSON list.
        String filtered = As.auditor().accept("text/csv").queryParam("from", DAY).queryParam("to", DAY)
                .queryParam("verdict", "NOT_A_VIOLATION").get("/api/incidents").asString();
        assertEquals(1, parse(filtered).size());
    }

    @Test
    void geojson_is_a_feature_collection_with_longitude_first_and_null_geometry_when_unlocated() throws Exception {
        submitOnce();
        String body = As.monitor().accept("application/geo+json").queryParam("from", DAY).queryParam("to", DAY)
                .get("/api/incidents").then().statusCode(200).contentType("application/geo+json").extract().asString();
        JsonNode collection = new ObjectMapper().readTree(body);
        assertEquals("FeatureCollection", collection.get("type").asText());
        JsonNode features = collection.get("features");
        assertEquals(2, features.size());
        for (JsonNode feature : features) {
            assertEquals("Feature", feature.get("type").asText());
            assertTrue(feature.has("geometry") && feature.has("properties"), feature.toString());
            assertTrue(feature.get("properties").has("verdict"));
        }
        JsonNode located = features.get(0);
        assertEquals("Point", located.at("/geometry/type").asText());
        assertEquals(37.183, located.at("/geometry/coordinates/0").asDouble(), 1e-9, "longitude first");
        assertEquals(36.228, located.at("/geometry/coordinates/1").asDouble(), 1e-9);
        assertEquals("PROBABLE_VIOLATION", located.at("/properties/verdict").asText());
        assertEquals("Government of Syria", located.at("/properties/violating_parties/0").asText());
        assertTrue(features.get(1).get("geometry").isNull(), "placed by name only");
    }

    @Test
    void exports_are_refused_to_roles_that_may_not_read_reports() {
        As.admin().accept("text/csv").get("/api/incidents").then().statusCode(403);
        As.admin().accept("application/geo+json").get("/api/incidents").then().statusCode(403);
        io.restassured.RestAssured.given().accept("text/csv").get("/api/incidents").then().statusCode(401);
    }

    @Test
    void a_bad_filter_on_an_export_is_a_problem_not_a_half_written_file() {
        As.auditor().accept("text/csv").queryParam("from", "27/02/2016").get("/api/incidents").then()
                .statusCode(400).contentType("application/problem+json");
    }

    static List<Map<String, String>> parse(String csv) throws Exception {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        }
    }
}
