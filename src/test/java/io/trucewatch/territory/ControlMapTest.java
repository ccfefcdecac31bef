package io.trucewatch.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trucewatch.actors.Phrases;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How a report is placed: the nearest control point within the radius, then the smallest polygon,
 * then names (a point's name in the report's governorate, then areas by location, admin2, admin1).
 * A small map of its own, so each rule is tested on both sides; {@link SyriaControlDataTest} checks
 * the real map.
 */
class ControlMapTest {

    private static final ZoneId DAMASCUS = ZoneId.of("Asia/Damascus");
    private static final ControlFile.Period REBELS_ALWAYS = new ControlFile.Period("armed-opposition", null, null, null, "test", null);

    private static final ControlPoint TOWN = new ControlPoint("town", "Kafr Test", List.of("Kfar Test"), "Idleb", null,
            35.50, 36.50, "test", List.of(
                    new ControlFile.Period("jaish-al-fatah", null, null, LocalDate.parse("2016-06-01"), "test", null),
                    new ControlFile.Period("syrian-government-forces", null, LocalDate.parse("2016-06-01"), null, "test", null)),
            null);
    /** 3.3 km east of TOWN. */
    private static final ControlPoint VILLAGE = new ControlPoint("village", "Tal Test", List.of(), "Idleb", null,
            35.50, 36.5366, "test", List.of(new ControlFile.Period(ControlFile.CONTESTED, null, null, null, "test", "front line")), null);
    /** A point of the same name in another governorate. */
    private static final ControlPoint NAMESAKE = new ControlPoint("namesake", "Kafr Test", List.of(), "Hama", null,
            35.10, 36.70, "test", List.of(new ControlFile.Period("free-syrian-army", null, null, null, "test", null)), null);

    /** A governorate's capital, bearing the governorate's name, far from the other points. */
    private static final ControlPoint CAPITAL = new ControlPoint("capital", "Idlib", List.of(), "Idleb", null,
            35.90, 36.60, "test", List.of(new ControlFile.Period("syrian-government-forces", null, null, null, "test", null)), null);

    /** Three settlements north of the box, 9 km apart: two IS-held, one rebel-held to their west. */
    private static final ControlPoint IS_WEST = point("is-west", 36.30, 36.80, "islamic-state");
    private static final ControlPoint IS_EAST = point("is-east", 36.30, 36.90, "islamic-state");
    private static final ControlPoint REBEL_WEST = point("rebel-west", 36.30, 36.70, "armed-opposition");

    private static final ControlMap MAP = map();

    private static ControlPoint point(String id, double lat, double lon, String holder) {
        return new ControlPoint(id, id, List.of(), "Aleppo", null, lat, lon, "test",
                List.of(new ControlFile.Period(holder, null, null, null, "test", null)), null);
    }

    private static ControlMap map() {
        String box = """
                {"type":"FeatureCollection","features":[{"type":"Feature","id":"box","properties":{"id":"box"},
                 "geometry":{"type":"Polygon","coordinates":[[[36.0,35.0],[37.0,35.0],[37.0,36.0],[36.0,36.0],[36.0,35.0]]]}}]}""";
        ControlFile file = new ControlFile("Syria", "Asia/Damascus", "test.geojson", Map.of("Idleb", List.of("Idlib")),
                List.of(new ControlFile.Area("box-area", "The box", "box", List.of(), List.of(), List.of(), List.of(REBELS_ALWAYS)),
                        new ControlFile.Area("idleb", "Idleb governorate", null, List.of(), List.of(), List.of("Idleb"),
                                List.of(new ControlFile.Period("jaish-al-fatah", null, null, null, "test", null)))),
                List.of(), List.of(), 5.0, 12.0, List.of(new ControlFile.DescribedHolder(Phrases.of(List.of("rebel-held", "opposition territories")),
                        "armed-opposition", "test")), List.of());
        return ControlMaps.of(List.of(ControlMaps.country(file, name -> read(box),
                List.of(TOWN, VILLAGE, NAMESAKE, CAPITAL, IS_WEST, IS_EAST, REBEL_WEST))));
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant noon(String day) {
        return LocalDate.parse(day).atTime(12, 0).atZone(DAMASCUS).toInstant();
    }

    private static Placement at(String day, Double lat, Double lon, Integer precision, String admin1, String location) {
        return MAP.place("Syria", admin1, null, location, lat, lon, precision, noon(day));
    }

    @Test
    void theNearestPointWithinTheRadiusWinsOverThePolygonAndSaysHow() {
        Placement near = at("2016-04-10", 35.51, 36.51, null, "Idleb", null);
        assertEquals("town", near.placeId());
        assertEquals("point", near.matchedBy());
        assertEquals("jaish-al-fatah", near.period().controller());
        assertTrue(near.how().startsWith("nearest settlement Kafr Test, 1.4 km"), near.how());
        assertEquals("village", at("2016-04-10", 35.50, 36.53, null, "Idleb", null).placeId(), "the nearer of two points");
    }

    @Test
    void controlFollowsTheDatesOfThePoint() {
        assertEquals("jaish-al-fatah", at("2016-05-31", 35.50, 36.50, null, null, null).period().controller());
        assertEquals("syrian-government-forces", at("2016-06-01", 35.50, 36.50, null, null, null).period().controller());
    }

    @Test
    void beyondTheRadiusOrWithRegionalCoordinatesThePolygonDecides() {
        Placement far = at("2016-04-10", 35.60, 36.40, null, "Idleb", null);
        assertEquals("box-area", far.placeId(), "14 km from the town: outside the 5 km radius");
        assertEquals("polygon", far.matchedBy());
        Placement regional = at("2016-04-10", 35.50, 36.50, 3, "Idleb", null);
        assertEquals("box-area", regional.placeId(), "geo_precision 3 coordinates are a region's, not a settlement's");
    }

    @Test
    void approximateCoordinatesNearTheNamedSettlementArePlacedThere() {
        // 35.50, 36.53: 0.6 km from the village, 2.7 km from the town.
        Placement named = at("2016-04-10", 35.50, 36.53, 2, "Idleb", "Kafr Test");
        assertEquals("town", named.placeId(), "geo_precision 2: near the town the report names");
        assertEquals("location", named.matchedBy());
        assertTrue(named.how().contains("approximate coordinates"), named.how());
        assertEquals("village", at("2016-04-10", 35.50, 36.53, 1, "Idleb", "Kafr Test").placeId(),
                "precise coordinates: the nearest settlement");
        assertEquals("village", at("2016-04-10", 35.50, 36.53, 2, "Idleb", "Unknown Village").placeId(),
                "a name the map does not know: the nearest settlement");
        assertEquals("box-area", at("2016-04-10", 35.60, 36.40, 2, "Idleb", "Kafr Test").placeId(),
                "the named settlement 14 km away, beyond twice the radius, is not where the coordinates are");
    }

    @Test
    void withoutCoordinatesAPointIsFoundByNameInTheReportsGovernorate() {
        assertEquals("town", at("2016-04-10", null, null, null, "Idlib", "Kfar Test").placeId(), "alias, and admin1 spelling");
        assertEquals("namesake", at("2016-04-10", null, null, null, "Hama", "Kafr Test").placeId());
        assertEquals("idleb", at("2016-04-10", null, null, null, "Idleb", "Unknown Village").placeId(),
                "an unknown place falls back to the governorate");
    }

    @Test
    void groundBetweenSettlementsOfOneHolderIsTheirs() {
        Placement between = at("2016-04-10", 36.37, 36.85, null, "Aleppo", null);
        assertEquals("points-around", between.matchedBy(), "9 km from two IS-held villages, beyond the 5 km radius");
        assertEquals("islamic-state", between.period().controller());
        assertTrue(between.how().contains("is-east 9.0 km") && between.how().contains("is-west 9.0 km"), between.how());
        assertFalse(at("2016-04-10", 36.37, 36.75, null, "Aleppo", null).hasController(),
                "between an IS-held and a rebel-held village: the neighbours disagree, nothing is claimed");
        assertFalse(at("2016-04-10", 36.45, 36.85, null, "Aleppo", null).hasController(), "17 km away: too far to say");
    }

    @Test
    void contestedGroundIsPlacedWithItsNote() {
        Placement village = at("2016-04-10", 35.50, 36.5366, null, "Idleb", null);
        assertEquals(ControlFile.CONTESTED, village.period().controller());
        assertEquals("front line", village.period().note());
    }

    @Test
    void aCountryWithoutAMapIsPlacedInNoArea() {
        Placement elsewhere = MAP.place("Lebanon", "Bekaa", null, null, null, null, null, noon("2016-04-10"));
        assertEquals("Lebanon", elsewhere.country());
        assertFalse(elsewhere.hasController());
        assertNull(elsewhere.placeId());
    }

    @Test
    void aPlaceTheMapDoesNotKnowIsPlacedByTheReportsOwnWordsForItsHolder() {
        Placement described = at("2016-04-10", null, null, null, "Aleppo", "rebel-held areas of Aleppo");
        assertEquals("armed-opposition", described.period().controller());
        assertEquals("description", described.matchedBy());
        assertTrue(described.how().contains("'rebel-held'"), described.how());
        assertEquals("armed-opposition", at("2016-04-10", null, null, null, "Aleppo", "Opposition territories in Aleppo")
                .period().controller(), "case and punctuation ignored");
        assertFalse(at("2016-04-10", null, null, null, "Aleppo", "eastern Aleppo").hasController(), "no holder named: unplaced");
    }

    @Test
    void theMapWinsOverTheReportsDescriptionWhereItPlacesTheReportPrecisely() {
        Placement mapped = at("2016-07-10", 35.50, 36.50, null, "Idleb", "rebel-held Kafr Test");
        assertEquals("syrian-government-forces", mapped.period().controller(), "the dated point, not the description");
        assertEquals("point", mapped.matchedBy());
        assertEquals("point", at("2016-07-10", 35.50, 36.50, 1, "Idleb", "rebel-held Kafr Test").matchedBy());
    }

    @Test
    void withApproximateCoordinatesTheReportsDescriptionBeatsTheNearestSettlement() {
        // A city's point (geo_precision 2) 1.4 km from a government-held town, for "rebel-held areas".
        Placement described = at("2016-07-10", 35.51, 36.51, 2, "Idleb", "rebel-held areas of the district");
        assertEquals("description", described.matchedBy());
        assertEquals("armed-opposition", described.period().controller());
        assertEquals("point", at("2016-07-10", 35.51, 36.51, 2, "Idleb", "areas of the district").matchedBy(),
                "no description: the nearest settlement as before");
    }

    @Test
    void anotherTransliterationOfANameIsFoundInTheReportsGovernorateOnly() {
        Placement spelled = at("2016-04-10", null, null, null, "Idleb", "Kefr Tast");
        assertEquals("town", spelled.placeId());
        assertTrue(spelled.how().contains("spelled 'Kafr Test'"), spelled.how());
        assertEquals("namesake", at("2016-04-10", null, null, null, "Hama", "Kufr Tist").placeId(), "the namesake in Hama");
        assertFalse(at("2016-04-10", null, null, null, null, "Kefr Tast").hasController(),
                "no governorate: two settlements have that loose key, so neither");
        assertEquals(PlaceNames.looseKey("Deir Muqrin"), PlaceNames.looseKey("Dayr Miqrin"));
        assertEquals(PlaceNames.looseKey("Harbnafseh"), PlaceNames.looseKey("Harbnafsah"));
        assertTrue(!PlaceNames.looseKey("Tal Test").equals(PlaceNames.looseKey("Kafr Test")));
        // A final vowel is part of the name, not of its spelling: other words with the same consonants.
        assertEquals(PlaceNames.looseKey("Kafr Zita"), PlaceNames.looseKey("Kfar Zeita"));
        assertNotEquals(PlaceNames.looseKey("Qanatir"), PlaceNames.looseKey("Qantara"));
        assertNotEquals(PlaceNames.looseKey("al-Kamari"), PlaceNames.looseKey("Kimar"));
    }

    @Test
    void theFeminineEndingIsOneLetterHoweverWritten() {
        assertEquals(PlaceNames.key("Houla"), PlaceNames.key("al-Houleh"));
        assertEquals(PlaceNames.key("Houla"), PlaceNames.key("Houlah"));
        assertEquals(PlaceNames.key("Deir Hafer"), PlaceNames.key("Deir Hafer"));
        assertNotEquals(PlaceNames.key("Deh"), PlaceNames.key("Da"), "a short word stays as written");
        assertNotEquals(PlaceNames.key("Shih"), PlaceNames.key("Sha"), "only -ah and -eh are the ending");
    }

    @Test
    void aQualifiedLocationIsFoundByItsFirstNamedPart() {
        Placement qualified = at("2016-04-10", null, null, null, "Idleb", "Kafr Test, the valley road");
        assertEquals("town", qualified.placeId());
        assertTrue(qualified.how().contains("settlement named 'Kafr Test'"), qualified.how());
        assertEquals("town", at("2016-04-10", null, null, null, "Idleb", "Kafr Test (north-western entrance)").placeId());
        assertEquals("town", at("2016-04-10", null, null, null, "Idleb", "Kefr Tast, the valley road").placeId(),
                "the loose key of a part, too");
        assertEquals("idleb", at("2016-04-10", null, null, null, "Idleb", "Unknown Village, the valley road").placeId(),
                "parts that name no settlement: the governorate, as for any unknown place");
        assertEquals(List.of("Deir Muqrin, Wadi Barada", "Deir Muqrin", "Wadi Barada"),
                PlaceNames.readings("Deir Muqrin, Wadi Barada"));
        assertEquals(List.of("Kafr Kar, Mintar and Banan", "Kafr Kar", "Mintar", "Banan"),
                PlaceNames.readings("Kafr Kar, Mintar and Banan"));
        assertEquals(List.of("the outskirts of the town of Kafr Test", "Kafr Test"),
                PlaceNames.readings("the outskirts of the town of Kafr Test"));
        assertEquals("town", at("2016-04-10", null, null, null, "Idleb", "edges of Kafr Test").placeId());
        assertEquals("idleb", at("2016-04-10", null, null, null, "Idleb", "near Kafr Test").placeId(),
                "ground near a settlement may be another side's: not placed there");
        assertEquals("idleb", at("2016-04-10", null, null, null, "Idleb", "around Kafr Test").placeId());
        assertEquals("idleb", at("2016-04-10", null, null, null, "Idleb", "the surroundings of Kafr Test").placeId());
        assertEquals("town", at("2016-04-10", null, null, null, "Idleb", "Kafr Test area").placeId(),
                "a town's area, as SOHR writes it, is the town");
        assertEquals("town", at("2016-04-10", null, null, null, "Idleb", "farms of Kafr Test").placeId(),
                "so are its farms");
        assertEquals("town", at("2016-04-10", null, null, null, "Idleb", "the area of Kafr Test").placeId());
        assertEquals("town", at("2016-04-10", null, null, null, "Idleb", "Kafr Test village").placeId(),
                "what kind of settlement it is, after the name");
        assertEquals("town", at("2016-04-10", null, null, null, "Idleb", "the town of Kafr Test").placeId());
        assertEquals("town", at("2016-04-10", null, null, null, "Idleb", "Kefr Tast camp").placeId());
        assertEquals("town", at("2016-04-10", null, null, null, "Idleb", "Kafr Test district, Idlib").placeId(),
                "a city's district is written with its kind, as a village is");
        assertEquals("town", at("2016-04-10", null, null, null, "Idleb", "the neighbourhood of Kafr Test").placeId());
        assertFalse(at("2016-04-10", null, null, null, "Hama", "Idleb and Hama provinces").hasController(),
                "a part that is a governorate's name is the province, not a settlement of that name");
    }

    @Test
    void aProvinceNamedBesideApproximateCoordinatesIsNotItsCapital() {
        // 5.4 km east of the capital: beyond the radius, within twice it, where a named settlement is taken.
        assertEquals("capital", at("2016-04-10", 35.90, 36.66, 2, "Idleb", "Idlib").placeId(),
                "the whole location names the city");
        Placement provinces = at("2016-04-10", 35.90, 36.66, 2, "Idleb", "Idlib and Hama provinces");
        assertEquals("box-area", provinces.placeId(), "the province is not its capital: placed by the coordinates");
    }
}
