package io.trucewatch.truces;

import java.util.Set;

/**
 * An actor's standing towards a truce at an instant.
 *
 * @param party  the bound party it belongs to, by the truce's name for it (null unless BOUND)
 * @param sides  the sides it fights on: one for a bound party, those of its bound members for a
 *               mixed coalition, none otherwise
 * @param exempt whether the truce lets it keep attacking excluded groups
 * @param note   why, where the standing needs a reason (disputed, excluded, mixed)
 */
public record ActorStanding(Standing standing, String party, Set<String> sides, boolean exempt, String note) {

    public ActorStanding {
        sides = sides == null ? Set.of() : Set.copyOf(sides);
    }

    public static ActorStanding of(Standing standing, String note) {
        return new ActorStanding(standing, null, Set.of(), false, note);
    }

    /** The single side of a bound party, or null. */
    public String side() {
        return sides.size() == 1 ? sides.iterator().next() : null;
    }
}
