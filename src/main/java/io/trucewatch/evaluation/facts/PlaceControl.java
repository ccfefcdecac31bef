package io.trucewatch.evaluation.facts;

import io.trucewatch.truces.Standing;
import java.time.LocalDate;
import java.util.Set;

/**
 * Who held the place of the act when it happened, from the control map, with the controller's
 * standing towards the truce (DISPUTED for contested ground) and how the place was found (the
 * nearest settlement of known control, a polygon, a name). Absent when the map does not know.
 */
public record PlaceControl(
        String areaId,
        String areaName,
        String controllerId,
        String controllerName,
        Standing standing,
        String party,
        String side,
        Set<String> sides,
        String matchedBy,
        String how,
        LocalDate since,
        String source) {

    public PlaceControl {
        sides = sides == null ? Set.of() : Set.copyOf(sides);
    }

    public String name() {
        return party != null ? party : controllerName;
    }

    /** Whether a side (possibly null: not a party) held the place. */
    public boolean heldBySide(String side) {
        return side != null && sides.contains(side);
    }

    /** Where and how the place was found and who held it since when, for an explanation. */
    public String described() {
        return areaName + " (" + how + "), held by " + controllerName + (since == null ? "" : " since " + since)
                + " (" + source + ")";
    }
}
