package io.trucewatch.weapons;

import java.util.List;

/**
 * What a monitor's weapon phrase was read as: "a howitzer (122mm, 2A18 D-30) towed by a truck" is
 * the D-30 of the registry, 122 mm. The calibre written in the phrase wins over the registry's
 * (a generic "howitzer" has none).
 *
 * @param weapon    the registry entry the phrase names, or null if it names none
 * @param calibreMm the calibre written in the phrase, else the entry's, else null
 */
public record WeaponReading(Weapon weapon, Integer calibreMm) {

    public static final WeaponReading NONE = new WeaponReading(null, null);

    public List<String> classes() {
        return weapon == null ? List.of() : weapon.classes();
    }

    public String id() {
        return weapon == null ? null : weapon.id();
    }
}
