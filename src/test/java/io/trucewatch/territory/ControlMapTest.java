package io.trucewatch.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.trucewatch.evaluation.SyriaRulesFixture;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Who held a place when, from the real config/control/ map. */
class ControlMapTest {

    private static final ControlMap MAP = SyriaRulesFixture.ruleset().terms().control();
    private static final ZoneId DAMASCUS = ZoneId.of("Asia/Damascus");

    private static Placement at(String day, String admin1, String admin2, String location, Double lat, Double lon) {
        return MAP.place("Syria", admin1, admin2, location, lat, lon, null,
                LocalDate.parse(day).atTime(12, 0).atZone(DAMASCUS).toInstant());
    }

    private static String controller(Placement placement) {
        return placement.hasController() ? placement.period().controller() : null;
    }

    @Test
    void coordinatesAreMatchedByPolygonAndTheSmallestPolygonWins() {
        Placement east = at("2016-04-10", "Aleppo", null, null, 36.228, 37.183);
        assertEquals("east-aleppo-city", east.placeId());
        assertEquals("polygon", east.matchedBy());
        assertEquals("armed-opposition", controller(east));
        assertEquals("syrian-government-forces", controller(at("2016-04-10", "Aleppo", null, null, 36.20, 37.12)));
        assertEquals("ypg", controller(at("2016-04-10", "Aleppo", null, null, 36.227, 37.155)),
                "Sheikh Maqsoud lies inside western Aleppo's box but its own, smaller polygon wins");
        assertEquals("sheikh-maqsoud", at("2016-04-10", "Aleppo", null, null, 36.2361, 37.1517).placeId());
        assertEquals("al-rai", at("2016-04-11", "Aleppo", null, null, 36.6119, 37.4467).placeId());
        assertFalse(at("2016-04-11", "Aleppo", null, null, 36.586, 37.046).hasController(),
                "Azaz, west of al-Rai, is not in al-Rai's polygon");
    }

    @Test
    void controlChangesOnTheDatesOfTheRecord() {
        assertEquals("islamic-state", controller(at("2016-03-26", "Homs", null, "Palmyra", null, null)));
        assertEquals("syrian-government-forces", controller(at("2016-03-27", "Homs", null, "Palmyra", null, null)));
        assertEquals("islamic-state", controller(at("2016-04-06", "Aleppo", null, "Al-Rai", null, null)));
        assertEquals("armed-opposition", controller(at("2016-04-08", "Aleppo", null, "Al-Rai", null, null)));
        assertEquals("islamic-state", controller(at("2016-04-11", "Aleppo", null, "Al-Rai", null, null)));
        assertEquals("sdf", controller(at("2016-02-20", "Al-Hasakeh", null, "Al-Shaddadi", null, null)));
        assertEquals("islamic-state", controller(at("2016-02-18", "Al-Hasakeh", null, "Al-Shaddadi", null, null)));
    }

    @Test
    void namesAreMatchedFromTheMostSpecific() {
        assertEquals("jaish-al-fatah", controller(at("2016-04-10", "Idlib", null, "Saraqib", null, null)));
        assertEquals("syrian-government-forces", controller(at("2016-04-10", "Idleb", null, "Al-Fu'ah", null, null)));
        assertEquals("ypg", controller(at("2016-04-10", "Ar-Raqqa", "Tell Abiad", null, null, null)));
        assertEquals("islamic-state", controller(at("2016-04-10", "Raqqa", "Ar-Raqqa", null, null, null)));
        Placement deirEzZor = at("2016-04-10", "Deir-ez-Zor", null, null, 35.34, 40.11);
        assertEquals("syrian-government-forces", controller(deirEzZor), "the government enclave in Deir ez-Zor city");
        assertEquals("islamic-state", controller(at("2016-04-10", "Deir ez-Zor", null, null, 35.0, 40.5)));
    }

    @Test
    void theMapClaimsNothingItWasNotCheckedFor() {
        Placement aleppoGovernorate = at("2016-04-10", "Aleppo", null, "Tal Rifaat", null, null);
        assertFalse(aleppoGovernorate.hasController(), "Aleppo governorate as a whole was divided");
        assertEquals("Syria", aleppoGovernorate.country());
        assertFalse(at("2016-07-01", "Homs", null, "Palmyra", null, null).hasController(), "coverage ends 2016-06-01");
        Placement elsewhere = MAP.place("Lebanon", "Bekaa", null, null, null, null, null,
                LocalDate.of(2016, 4, 10).atStartOfDay(DAMASCUS).toInstant());
        assertEquals("Lebanon", elsewhere.country());
        assertNull(elsewhere.placeId());
    }
}
