package io.trucewatch.evaluation.facts;

import java.util.Set;

/**
 * The act reported, as the rules see it: ACLED's event vocabulary, the weapon resolved against the
 * weapon registry, the country the report was placed in (null if it could not be placed), and
 * whether civilians were targeted or named among those it was done to ({@code civiliansNamed}).
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
        boolean civiliansNamed) {

    public Report {
        weaponClasses = weaponClasses == null ? Set.of() : Set.copyOf(weaponClasses);
    }
}
