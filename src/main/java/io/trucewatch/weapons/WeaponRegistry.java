package io.trucewatch.weapons;

import io.trucewatch.actors.ActorNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Resolves a report's weapon, as written, to a registry entry (case- and punctuation-insensitive). */
public final class WeaponRegistry {

    /** A calibre as written: "122mm", "122 mm", "122-mm", "152.4mm". */
    /** Between two weapons of one phrase: ";", " and ", " as well as ", or a comma outside brackets. */
    private static final Pattern SEPARATE_WEAPONS = Pattern.compile(";|\\s+and\\s+|\\s+as well as\\s+|,(?![^(]*\\))");
    private static final Pattern CALIBRE = Pattern.compile("(\\d{2,3}(?:\\.\\d)?)\\s*-?\\s*mm\\b",
            Pattern.CASE_INSENSITIVE);

    private final Map<String, Weapon> byKey;
    private final List<Weapon> all;

    private WeaponRegistry(Map<String, Weapon> byKey, List<Weapon> all) {
        this.byKey = byKey;
        this.all = all;
    }

    public static WeaponRegistry of(Collection<Weapon> weapons) {
        Map<String, Weapon> byKey = new LinkedHashMap<>();
        for (Weapon weapon : weapons) {
            for (String name : concat(weapon)) {
                Weapon previous = byKey.putIfAbsent(ActorNames.key(name), weapon);
                if (previous != null && !previous.id().equals(weapon.id())) {
                    throw new IllegalArgumentException("weapon name '" + name + "' is claimed by both '"
                            + previous.id() + "' and '" + weapon.id() + "'");
                }
            }
        }
        return new WeaponRegistry(Map.copyOf(byKey), List.copyOf(weapons));
    }

    private static List<String> concat(Weapon weapon) {
        List<String> names = new ArrayList<>(weapon.aliases());
        names.add(weapon.id());
        names.add(weapon.name());
        return names;
    }

    public Optional<Weapon> resolve(String asWritten) {
        return asWritten == null ? Optional.empty() : Optional.ofNullable(byKey.get(ActorNames.key(asWritten)));
    }

    /**
     * Reads a phrase as monitors write it. A phrase that is a registry name is that weapon.
     * Otherwise the names it contains as whole words (the last also in the plural) are candidates: a named model (an entry with a
     * calibre: "D-30", "BM-21", "T-64") beats a generic word ("howitzer"), a longer name a
     * shorter one. The calibre is taken from the phrase ("122mm", "122 mm") when written there.
     */
    public WeaponReading read(String phrase) {
        if (phrase == null || phrase.isBlank()) {
            return WeaponReading.NONE;
        }
        Weapon named = byKey.get(ActorNames.key(phrase));
        if (named != null && !hasDigit(phrase)) {
            // The common case ("barrel bomb", "mortar"): a registry name with no calibre written.
            return new WeaponReading(named, named.calibreMm());
        }
        // "a howitzer (122mm, D-30); the mortar (120mm, 2S9)": the first weapon the phrase names
        // that the registry knows, its calibre read from its own part of the phrase; the others
        // beside it, for their classes.
        String[] parts = SEPARATE_WEAPONS.split(phrase);
        if (parts.length > 1) {
            WeaponReading first = null;
            List<Weapon> others = new ArrayList<>();
            for (String part : parts) {
                WeaponReading reading = readOne(part);
                if (reading.weapon() == null) {
                    continue;
                }
                if (first == null) {
                    first = reading;
                } else if (!reading.weapon().equals(first.weapon()) && !others.contains(reading.weapon())) {
                    others.add(reading.weapon());
                }
            }
            if (first != null) {
                return new WeaponReading(first.weapon(), first.calibreMm(), others);
            }
        }
        return readOne(phrase);
    }

    private WeaponReading readOne(String phrase) {
        Integer written = writtenCalibre(phrase);
        String key = ActorNames.key(phrase);
        Weapon exact = byKey.get(key);
        if (exact != null) {
            return new WeaponReading(exact, written != null ? written : exact.calibreMm());
        }
        String padded = " " + key + " ";
        Weapon best = null;
        int bestLength = 0;
        for (Map.Entry<String, Weapon> name : byKey.entrySet()) {
            if (!containsWords(padded, name.getKey())) {
                continue;
            }
            Weapon candidate = name.getValue();
            boolean moreSpecific = best == null
                    || candidate.calibreMm() != null && best.calibreMm() == null
                    || (candidate.calibreMm() != null) == (best.calibreMm() != null) && name.getKey().length() > bestLength;
            if (moreSpecific) {
                best = candidate;
                bestLength = name.getKey().length();
            }
        }
        if (best == null) {
            return new WeaponReading(null, written);
        }
        return new WeaponReading(best, written != null ? written : best.calibreMm());
    }

    /** The name as whole words of the phrase, its last word also in the plural ("heavy machine guns"). */
    private static boolean containsWords(String paddedPhrase, String name) {
        return paddedPhrase.contains(" " + name + " ") || paddedPhrase.contains(" " + name + "s ")
                || paddedPhrase.contains(" " + name + "es ");
    }

    private static boolean hasDigit(String phrase) {
        for (int i = 0; i < phrase.length(); i++) {
            if (Character.isDigit(phrase.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static Integer writtenCalibre(String phrase) {
        Matcher calibre = CALIBRE.matcher(phrase);
        return calibre.find() ? (int) Math.round(Double.parseDouble(calibre.group(1))) : null;
    }

    public List<Weapon> all() {
        return all;
    }
}
