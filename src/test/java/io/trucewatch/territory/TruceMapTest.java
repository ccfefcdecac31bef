package io.trucewatch.territory;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.trucewatch.access.As;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The map of a truce on a day ({@code GET /api/truces/{id}/map}): holders as config/control/ records
 * them for that day, with their standing towards the truce, and the Minsk II lines with their zones.
 * Expected holders are those of config/control/syria.yaml and syria/north.yaml, syria/south.yaml.
 */
@QuarkusTest
class TruceMapTest {

    private static final String GEO_JSON = "application/geo+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode map(RequestSpecification as, String truce, String day) throws Exception {
        RequestSpecification request = day == null ? as : as.queryParam("day", day);
        String body = request.get("/api/truces/{id}/map", truce).then().statusCode(200).contentType(GEO_JSON)
                .extract().asString();
        JsonNode collection = JSON.readTree(body);
        assertEquals("FeatureCollection", collection.path("type").asText());
        return collection;
    }

    private static JsonNode feature(JsonNode collection, String id) {
        for (JsonNode feature : collection.path("features")) {
            if (id.equals(feature.path("id").asText())) {
                return feature;
            }
        }
        throw new AssertionError("no feature " + id);
    }

    private static Set<String> kinds(JsonNode collection) {
        Set<String> kinds = new TreeSet<>();
        collection.path("features").forEach(f -> kinds.add(f.at("/properties/kind").asText()));
        return kinds;
    }

    private static void assertHolder(JsonNode feature, String controller, String standing, String side, String since) {
        JsonNode properties = feature.path("properties");
        assertEquals(controller, properties.path("controller_id").asText(), feature.toString());
        assertEquals(standing, properties.path("standing").asText(), feature.toString());
        assertEquals(side, properties.path("side").isNull() ? null : properties.path("side").asText(), feature.toString());
        assertEquals(since, properties.path("since").asText(), feature.toString());
        assertFalse(properties.path("controller_name").asText().isBlank(), feature.toString());
        assertFalse(properties.path("source").asText().isBlank(), feature.toString());
    }

    @Test
    void syria_on_10_april_2016_has_areas_settlements_and_an_outline_with_that_days_holders() throws Exception {
        JsonNode map = map(As.auditor(), "syria-coh-2016", "2016-04-10");
        assertEquals("2016-04-10", map.path("day").asText());
        assertEquals(Set.of("outline", "area", "point"), kinds(map), "no reference lines in the Syrian terms");
        // Eastern Aleppo: opposition-held from Jul 2012 (syria.yaml area; north.yaml's Al-Haidariyah point).
        JsonNode eastAleppo = feature(map, "area:east-aleppo-city");
        assertEquals("Polygon", eastAleppo.at("/geometry/type").asText());
        assertHolder(eastAleppo, "armed-opposition", "BOUND", "opposition", "2012-07-20");
        JsonNode haidariyah = feature(map, "point:haidariya");
        assertEquals("Point", haidariyah.at("/geometry/type").asText());
        assertEquals(37.186, haidariyah.at("/geometry/coordinates/0").asDouble(), 1e-9, "longitude first");
        assertHolder(haidariyah, "armed-opposition", "BOUND", "opposition", "2012-07-20");
        // Palmyra: retaken by the government on 27 Mar 2016, so no longer IS's on 10 Apr.
        assertHolder(feature(map, "area:palmyra"), "syrian-government-forces", "BOUND", "government", "2016-03-27");
        assertHolder(feature(map, "point:palmyra"), "syrian-government-forces", "BOUND", "government", "2016-03-27");
        assertEquals("Polygon", feature(map, "outline:Syria").at("/geometry/type").asText());
    }

    @Test
    void palmyra_is_islamic_states_before_27_march_2016_and_excluded_from_the_truce() throws Exception {
        JsonNode map = map(As.auditor(), "syria-coh-2016", "2016-03-20");
        assertHolder(feature(map, "area:palmyra"), "islamic-state", "EXCLUDED", null, "2015-05-20");
        assertHolder(feature(map, "point:palmyra"), "islamic-state", "EXCLUDED", null, "2015-05-21");
        assertHolder(feature(map, "area:east-aleppo-city"), "armed-opposition", "BOUND", "opposition", "2012-07-20");
    }

    @Test
    void a_holder_with_an_excluded_group_alongside_is_mixed_ground_from_the_day_its_sources_give() throws Exception {
        // Zamalka: Faylaq al-Rahman alone from Mar 2016, beside Jaish al-Fustat (Nusra) from 28 Apr 2016.
        JsonNode before = feature(map(As.auditor(), "syria-coh-2016", "2016-04-27"), "point:zamalka");
        assertHolder(before, "faylaq-al-rahman", "BOUND", "opposition", "2016-03-15");
        assertEquals("Faylaq al-Rahman", before.at("/properties/controller_name").asText());
        JsonNode after = feature(map(As.auditor(), "syria-coh-2016", "2016-04-28"), "point:zamalka");
        assertHolder(after, "faylaq-al-rahman", "MIXED", "opposition", "2016-04-28");
        assertEquals("Faylaq al-Rahman with Jabhat al-Nusra", after.at("/properties/controller_name").asText());
    }

    @Test
    void every_feature_lies_inside_the_bbox_and_the_day_defaults_to_the_truces_start() throws Exception {
        JsonNode map = map(As.auditor(), "syria-coh-2016", null);
        assertEquals("2016-02-27", map.path("day").asText());
        JsonNode bbox = map.path("bbox");
        assertEquals(4, bbox.size(), map.path("bbox").toString());
        int points = 0;
        for (JsonNode feature : map.path("features")) {
            if ("Point".equals(feature.at("/geometry/type").asText())) {
                double lon = feature.at("/geometry/coordinates/0").asDouble();
                double lat = feature.at("/geometry/coordinates/1").asDouble();
                assertTrue(lon >= bbox.get(0).asDouble() && lat >= bbox.get(1).asDouble()
                        && lon <= bbox.get(2).asDouble() && lat <= bbox.get(3).asDouble(), feature.toString());
                points++;
            }
        }
        assertTrue(points > 100, "the settlements of config/control/syria/: " + points);
    }

    @Test
    void minsk_ii_has_its_two_lines_with_the_zones_each_side_measures_from_them() throws Exception {
        JsonNode map = map(As.auditor(), "minsk-2015", "2015-06-03");
        assertEquals(Set.of("outline", "line"), kinds(map), "Ukraine has no control areas or settlements");
        JsonNode contact = feature(map, "line:contact-line-2015-02");
        JsonNode memorandum = feature(map, "line:minsk-memorandum-line-2014-09-19");
        assertEquals("LineString", contact.at("/geometry/type").asText());
        assertEquals("LineString", memorandum.at("/geometry/type").asText());
        JsonNode artillery = zone(contact, "artillery-100mm-and-above");
        assertEquals(25.0, artillery.path("distance_km").asDouble(), 1e-9);
        assertEquals("[\"ukraine\"]", artillery.path("sides").toString(), "Ukraine measures from the actual line");
        assertEquals("IN_FORCE", artillery.path("status").asText());
        assertEquals("[\"certain-areas\"]", zone(memorandum, "artillery-100mm-and-above").path("sides").toString(),
                "the armed formations measure from the Memorandum line");
        assertEquals(70.0, zone(memorandum, "heavy-mlrs-and-tactical-missiles").path("distance_km").asDouble(), 1e-9);
        assertEquals("Polygon", feature(map, "outline:Ukraine").at("/geometry/type").asText());
    }

    @Test
    void a_zones_status_follows_its_deadlines() throws Exception {
        assertEquals("NOT_YET_DUE", zone(feature(map(As.monitor(), "minsk-2015", "2015-02-20"),
                "line:contact-line-2015-02"), "artillery-100mm-and-above").path("status").asText());
        assertEquals("DEADLINE_DISPUTED", zone(feature(map(As.monitor(), "minsk-2015", "2015-03-03"),
                "line:contact-line-2015-02"), "artillery-100mm-and-above").path("status").asText());
        assertEquals("SUPERSEDED", zone(feature(map(As.monitor(), "minsk-2015", "2015-10-03"),
                "line:contact-line-2015-02"), "tanks-as-heavy-weapons").path("status").asText());
    }

    private static JsonNode zone(JsonNode line, String id) {
        for (JsonNode zone : line.at("/properties/withdrawal_zones")) {
            if (id.equals(zone.path("id").asText())) {
                return zone;
            }
        }
        throw new AssertionError("no zone " + id + " on " + line.path("id").asText());
    }

    @Test
    void the_same_collection_as_application_json_when_asked() throws Exception {
        String body = As.monitor().accept("application/json").queryParam("day", "2016-04-10")
                .get("/api/truces/{id}/map", "syria-coh-2016").then().statusCode(200).contentType("application/json")
                .extract().asString();
        JsonNode map = JSON.readTree(body);
        assertEquals("FeatureCollection", map.path("type").asText());
        assertNotNull(feature(map, "area:east-aleppo-city"));
    }

    @Test
    void a_bad_day_is_a_400_naming_day() {
        As.auditor().queryParam("day", "10/04/2016").get("/api/truces/{id}/map", "syria-coh-2016").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("day"));
        As.auditor().queryParam("day", "2016-02-30").get("/api/truces/{id}/map", "syria-coh-2016").then()
                .statusCode(400).body("errors[0].field", equalTo("day"));
    }

    @Test
    void an_unknown_truce_is_a_404() {
        As.auditor().queryParam("day", "2016-04-10").get("/api/truces/{id}/map", "no-such-truce").then()
                .statusCode(404).contentType("application/problem+json").body("type", equalTo("/problems/not-found"));
    }

    @Test
    void monitors_and_auditors_may_read_it_admins_and_strangers_may_not() throws Exception {
        assertEquals("minsk-2015", map(As.monitor(), "minsk-2015", null).path("truce").asText());
        As.admin().get("/api/truces/{id}/map", "minsk-2015").then().statusCode(403);
        RestAssured.given().get("/api/truces/{id}/map", "minsk-2015").then().statusCode(401);
    }
}
