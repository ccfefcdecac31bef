package io.trucewatch.weapons;

import io.trucewatch.actors.ActorNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resolves a report's weapon, as written, to a registry entry (case- and punctuation-insensitive). */
public final class WeaponRegistry {

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

    public List<Weapon> all() {
        return all;
    }
}
