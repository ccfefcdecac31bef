package io.trucewatch.evaluation.facts;

import java.util.Set;

/**
 * The act reported, as the rules see it: ACLED's event vocabulary, the weapon resolved against the
 * weapon registry, the country the report was placed in (null if it could not be placed), and
 * whether civilians were targeted or named among those it was done to ({@code civiliansNamed}), and
 * the words of its notes that say actor1 attacked ({@code attackNarrated}: "advance attempt repelled";
 * null where they say no such thing).
 */
public record Report(
        String eventType,
        String subEventType,
        boolean civilianTargeting,
        String weapon,
        String weaponId,
        Set<String> weaponClasses,
        Integer weaponCalibreMm,
        String country,
        String admin1,
        String location,
        Integer fatalities,
        boolean civiliansNamed,
        String attackNarrated) {

    public Report {
        weaponClasses = weaponClasses == null ? Set.of() : Set.copyOf(weaponClasses);
    }

    /** What in the report says actor1 began a clash: an attacker's means as its weapon, or its notes' words. */
    public String attackerEvidence() {
        if (weaponClasses.contains("assault")) {
            return "its weapon '" + weapon + "' is an attacker's means";
        }
        return attackNarrated == null ? null : "its notes say '" + attackNarrated + "'";
    }
}
