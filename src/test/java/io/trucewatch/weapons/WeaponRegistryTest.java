package io.trucewatch.weapons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.trucewatch.evaluation.SyriaRulesFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Weapons as the OSCE SMM and news write them, read against the real config/weapons.yaml. */
class WeaponRegistryTest {

    private static final WeaponRegistry WEAPONS = SyriaRulesFixture.ruleset().terms().weapons();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a howitzer (122mm, 2A18 D-30) towed by a truck|d-30|122",
        "MLRS (122mm BM-21 Grad)|bm-21-grad|122",
        "two tanks (T-64)|t-64|125",
        "tanks|tank|",
        "self-propelled howitzer (152mm)|self-propelled-howitzer|152",
        "a howitzer (122mm, 2A18 D-30) towed by a Kamaz truck; the mortar (120mm, 2S9 NONA)|d-30|122",
        "anti-tank guns (MT-12 Rapira, 100mm)|mt-12-rapira|100",
        "barrel bombs|barrel-bomb|",
        "Russian air strikes|air-strike|",
        "self-propelled howitzers (2S19 Msta, 152mm)|2s19-msta-s|152",
        "a howitzer (2A18)|d-30|122",
        "heavy machine guns|small-arms|",
        "two ATGMs|atgm|",
    })
    void modelClassAndCalibreAreReadFromThePhrase(String phrase, String id, Integer calibre) {
        WeaponReading reading = WEAPONS.read(phrase);
        assertEquals(id, reading.id(), phrase);
        assertEquals(calibre, reading.calibreMm(), phrase);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a covered object on a trailer|", "an object of 152mm|152",
        "gunmen on a roof|"})
    void aPhraseThatNamesNoWeaponIsSaidToBeUnknown(String phrase, Integer calibre) {
        WeaponReading reading = WEAPONS.read(phrase);
        assertNull(reading.weapon(), phrase);
        assertEquals(calibre, reading.calibreMm());
    }

    /** The first weapon a phrase names gives its model and calibre; every weapon named gives classes. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "heavy artillery; ground assault|assault|true",
        "rockets, barrel bombs and artillery fire|indiscriminate|true",
        "a ground assault|assault|true",
        "heavy artillery|assault|false",
    })
    void aPhraseNamingSeveralWeaponsHasTheClassesOfEach(String phrase, String weaponClass, boolean has) {
        WeaponReading reading = WEAPONS.read(phrase);
        assertEquals(has, reading.classes().contains(weaponClass), () -> phrase + " " + reading.classes());
    }

    @org.junit.jupiter.api.Test
    void theOtherWeaponsOfAPhraseAddClassesButNotAModel() {
        WeaponReading reading = WEAPONS.read("a howitzer (122mm, 2A18 D-30); a ground assault");
        assertEquals("d-30", reading.id());
        assertEquals(122, reading.calibreMm());
        assertTrue(reading.classes().contains("assault"), reading.classes().toString());
        assertTrue(reading.classes().contains("artillery"), reading.classes().toString());
        assertFalse(WEAPONS.read("a howitzer (122mm, 2A18 D-30)").classes().contains("assault"));
    }
}
