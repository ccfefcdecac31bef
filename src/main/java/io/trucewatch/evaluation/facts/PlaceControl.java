package io.trucewatch.evaluation.facts;

import io.trucewatch.territory.ControlFile;
import io.trucewatch.truces.Standing;
import java.time.LocalDate;
import java.util.Set;

/**
 * Who held the place of the act when it happened, from the control map, with the controller's
 * standing towards the truce (DISPUTED for contested ground) and how the place was found (the
 * nearest settlement of known control, a polygon, a name). Absent when the map does not know.
 * {@code standingNote} says why the holding is disputed or mixed (the truce's reason for an
 * actor's disputed standing, who held it beside whom), or how a party's ground came to count as
 * its side's (an umbrella's member; a disputed actor whose ground monitors counted), or is null.
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
        String source,
        String standingNote) {

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
        String holding = ControlFile.CONTESTED.equals(controllerId) ? ", contested" : ", held by " + controllerName;
        return areaName + " (" + how + ")" + holding + (since == null ? "" : " since " + since) + " (" + source + ")"
                + (standingNote != null && (unsettled() || standing == Standing.BOUND) ? "; " + withoutFinalStop(standingNote) : "");
    }

    /** The explanation's own sentence goes on after the note. */
    private static String withoutFinalStop(String note) {
        String trimmed = note.strip();
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    /** Ground a person must judge: its holder's standing is disputed or it was held with an excluded group. */
    private boolean unsettled() {
        return standing == Standing.DISPUTED || standing == Standing.MIXED;
    }
}
