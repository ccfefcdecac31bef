package io.trucewatch.evaluation.facts;

import io.trucewatch.truces.Standing;
import java.util.Set;

/**
 * One actor named in a report, with its standing towards the truce being evaluated at the time of
 * the act.
 *
 * @param perpetrator whether it did the act (actor1 and its associates) or had it done to it
 * @param party       the bound party it belongs to, by the truce's name for it
 * @param side        its side when bound (e.g. "government", "opposition"), else null
 * @param exempt      whether the truce lets it keep attacking excluded groups
 */
public record Involvement(
        Role role,
        boolean perpetrator,
        String asWritten,
        String actorId,
        String actorName,
        Standing standing,
        String party,
        String side,
        Set<String> sides,
        boolean exempt,
        String note) {

    public Involvement {
        sides = sides == null ? Set.of() : Set.copyOf(sides);
    }

    /** The name to use in an explanation: the party, else the actor, else the name as written. */
    public String name() {
        return party != null ? party : actorName != null ? actorName : asWritten;
    }
}
