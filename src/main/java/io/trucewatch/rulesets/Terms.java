package io.trucewatch.rulesets;

import io.trucewatch.actors.ActorRegistry;
import io.trucewatch.territory.ControlMap;
import io.trucewatch.truces.Truce;
import io.trucewatch.truces.TruceTerms;
import io.trucewatch.weapons.WeaponRegistry;
import java.util.Map;
import java.util.Optional;

/** Everything {@code config/} says: actors, weapons, truces (by id, in id order) and the control map. */
public record Terms(ActorRegistry actors, WeaponRegistry weapons, Map<String, Truce> truces, ControlMap control) {

    /** The name of a party of any truce, spelled as that truce spells it, ignoring case. */
    public Optional<String> partyNamed(String name) {
        String wanted = name.strip();
        return truces.values().stream().flatMap(t -> t.terms().parties().stream()).map(TruceTerms.Party::name)
                .filter(party -> party.equalsIgnoreCase(wanted)).findFirst();
    }
}
