package io.trucewatch.weapons;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a monitor's weapon phrase was read as: "a howitzer (122mm, 2A18 D-30) towed by a truck" is
 * the D-30 of the registry, 122 mm. The calibre written in the phrase wins over the registry's
 * (a generic "howitzer" has none).
 *
 * <p>A phrase that names several weapons ("heavy artillery; ground assault", "rockets, barrel bombs
 * and artillery fire") is read as its first known one, whose model and calibre the withdrawal
 * rules compare; the act used all of them, so its classes are those of every weapon it names.
 *
 * @param weapon    the registry entry the phrase names (the first, if several), or null if it names none
 * @param calibreMm the calibre written in the phrase, else the entry's, else null
 * @param alsoNamed the other weapons the phrase names, in order
 */
public record WeaponReading(Weapon weapon, Integer calibreMm, List<Weapon> alsoNamed) {

    public static final WeaponReading NONE = new WeaponReading(null, null);

    public WeaponReading {
        alsoNamed = List.copyOf(alsoNamed);
    }

    public WeaponReading(Weapon weapon, Integer calibreMm) {
        this(weapon, calibreMm, List.of());
    }

    /** The classes of every weapon the phrase names. */
    public List<String> classes() {
        if (alsoNamed.isEmpty()) {
            return weapon == null ? List.of() : weapon.classes();
        }
        Set<String> classes = new LinkedHashSet<>();
        if (weapon != null) {
            classes.addAll(weapon.classes());
        }
        alsoNamed.forEach(other -> classes.addAll(other.classes()));
        return new ArrayList<>(classes);
    }

    public String id() {
        return weapon == null ? null : weapon.id();
    }
}
