package io.trucewatch.rulesets;

import io.trucewatch.actors.ActorRegistry;
import io.trucewatch.territory.ControlMap;
import io.trucewatch.truces.Truce;
import io.trucewatch.weapons.WeaponRegistry;
import java.util.Map;

/** Everything {@code config/} says: actors, weapons, truces (by id, in id order) and the control map. */
public record Terms(ActorRegistry actors, WeaponRegistry weapons, Map<String, Truce> truces, ControlMap control) {
}
