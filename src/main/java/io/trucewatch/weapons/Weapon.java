package io.trucewatch.weapons;

import java.util.List;

/**
 * A weapon of the registry in {@code config/weapons.yaml}: the classes the rules reason about
 * (e.g. {@code aerial}, {@code indiscriminate}, {@code mlrs}) and, where it matters, calibre.
 */
public record Weapon(String id, String name, List<String> classes, Integer calibreMm, List<String> aliases) {
    public Weapon {
        classes = classes == null ? List.of() : List.copyOf(classes);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
