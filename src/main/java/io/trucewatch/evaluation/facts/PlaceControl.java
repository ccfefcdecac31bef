package io.trucewatch.evaluation.facts;

import io.trucewatch.truces.Standing;
import java.util.Set;

/**
 * Who held the place of the act when it happened, from the control map, with the controller's
 * standing towards the truce. Absent when the map does not know.
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
        String source) {

    public PlaceControl {
        sides = sides == null ? Set.of() : Set.copyOf(sides);
    }

    public String name() {
        return party != null ? party : controllerName;
    }
}
