package io.trucewatch.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.trucewatch.evaluation.SyriaRulesFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real Syrian control map (config/control/syria.yaml and its point files): changes of hands
 * on the dates of the public record, and the coverage every point promises.
 */
class SyriaControlDataTest {

    private static final ControlMap MAP = SyriaRulesFixture.ruleset().terms().control();
    private static final ZoneId DAMASCUS = ZoneId.of("Asia/Damascus");
    private static final LocalDate COVERAGE_FROM = LocalDate.parse("2016-01-01");
    private static final LocalDate COVERAGE_TO = LocalDate.parse("2017-01-31");

    private static String holder(String day, String admin1, String location) {
        Placement p = MAP.place("Syria", admin1, null, location, null, null, null,
                LocalDate.parse(day).atTime(12, 0).atZone(DAMASCUS).toInstant());
        return p.hasController() ? p.period().controller() : null;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # Palmyra: retaken by the government 27 Mar 2016, by IS 11 Dec 2016.
            2016-03-26 | Homs           | Palmyra        | islamic-state
            2016-03-27 | Homs           | Palmyra        | syrian-government-forces
            2016-12-11 | Homs           | Palmyra        | islamic-state
            # Manbij to the SDF 12 Aug 2016; Jarablus to Euphrates Shield 24 Aug 2016.
            2016-08-11 | Aleppo         | Manbij         | islamic-state
            2016-08-12 | Aleppo         | Manbij         | sdf
            2016-08-24 | Aleppo         | Jarablus       | euphrates-shield-factions
            # Darayya evacuated, government from 27 Aug 2016; eastern Aleppo's Masaken Hanano 26 Nov 2016.
            2016-08-26 | Rural Damascus | Darayya        | armed-opposition
            2016-08-27 | Rural Damascus | Darayya        | syrian-government-forces
            2016-11-25 | Aleppo         | Masaken Hanano | armed-opposition
            2016-11-26 | Aleppo         | Masaken Hanano | syrian-government-forces
            # Al-Shaddadi to the SDF 19 Feb 2016.
            2016-02-18 | Al-Hasakeh     | Al-Shaddadi    | islamic-state
            2016-02-19 | Al-Hasakeh     | Al-Shaddadi    | sdf
            # Qabtan near Akhtarin was IS's; Qabtan al-Jabal, a village west of Aleppo, is another place.
            2016-02-27 | Aleppo         | Qabtan         | islamic-state
            2016-02-27 | Aleppo         | Qabtan al-Jabal |
            """)
    void changesOfHandsFallOnTheDatesOfTheRecord(String day, String admin1, String location, String holder) {
        assertEquals(holder, holder(day, admin1, location));
    }

    /** A sector of config/control/syria/sectors.yaml reaches its settlements, for its span and its holders only. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # Eastern Ghouta's middle sector, Nusra beside Faylaq al-Rahman from 28 Apr 2016; HTS from 28 Jan 2017.
            2016-04-27 | Rural Damascus | Arbin      | faylaq-al-rahman |
            2016-04-28 | Rural Damascus | Arbin      | faylaq-al-rahman | jabhat-al-nusra
            2017-01-29 | Rural Damascus | Arbin      | faylaq-al-rahman | hayat-tahrir-al-sham
            # The western Aleppo countryside from 8 Sep 2016; Atarib is left out by a source for Nusra's absence.
            2016-09-07 | Aleppo         | Darat Izza | armed-opposition |
            2016-09-08 | Aleppo         | Darat Izza | armed-opposition | jabhat-al-nusra
            2017-01-10 | Aleppo         | Atarib     | armed-opposition |
            # Douma is Jaish al-Islam's, outside the middle sector.
            2016-06-01 | Rural Damascus | Douma      | jaish-al-islam   |
            """)
    void aSectorsPresenceIsItsSettlementsForItsSpan(String day, String admin1, String location, String holder, String beside) {
        Placement p = MAP.place("Syria", admin1, null, location, null, null, null,
                LocalDate.parse(day).atTime(12, 0).atZone(DAMASCUS).toInstant());
        assertEquals(holder, p.period().controller());
        assertEquals(beside == null ? List.of() : List.of(beside), p.period().alongside());
        assertEquals(beside != null, p.period().source().contains("reported in the sector"), p.period().source());
    }

    @Test
    void everyPointIsInSyriaSourcedAndHeldByTheRecordThroughTheCoverage() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        List<String> problems = new ArrayList<>();
        int points = 0;
        ControlFile syria = yaml.readValue(Files.readString(Path.of("config/control/syria.yaml")), ControlFile.class);
        for (String pointFile : syria.pointFiles()) {
            ControlPoint.File file = yaml.readValue(Files.readString(Path.of("config/control", pointFile)),
                    ControlPoint.File.class);
            for (ControlPoint point : file.points()) {
                points++;
                if (point.lat() < 32.3 || point.lat() > 37.4 || point.lon() < 35.6 || point.lon() > 42.5) {
                    problems.add(point.id() + ": outside Syria's bounding box");
                }
                if (point.positionSource() == null || point.positionSource().isBlank()) {
                    problems.add(point.id() + ": no position_source");
                }
                for (LocalDate day = COVERAGE_FROM; !day.isAfter(COVERAGE_TO); day = day.plusDays(1)) {
                    if (PointIndex.controllerOn(point, day).isEmpty()) {
                        problems.add(point.id() + ": no holder on " + day);
                        break;
                    }
                }
            }
        }
        assertTrue(points >= 700, "several hundred settlements: " + points);
        assertEquals(List.of(), problems);
    }
}
