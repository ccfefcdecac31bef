package io.trucewatch.weapons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
