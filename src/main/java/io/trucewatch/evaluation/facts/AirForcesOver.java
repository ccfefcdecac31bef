package io.trucewatch.evaluation.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who may have flown an air strike: the air forces the control map says struck where and when the
 * report places it, sorted by their standing towards the truce. Present only for an air strike
 * placed in a country whose map lists air forces.
 *
 * @param where     the governorate as the map names it, or the country where the report gives none
 * @param exempt    those whose action against excluded groups the truce lets continue
 * @param notBound  those the truce does not bind (not parties, not exempt)
 * @param bound     parties bound by it without the exemption (or of disputed standing)
 * @param other     any whose standing is none of these (excluded, unresolved): the list cannot be judged as one
 * @param sides     the sides of the truce they are on (an exempt force that is no party is on none)
 * @param allBound  whether the truce binds every one of them: each a party of settled standing, or exempt
 *                  only for its action against the excluded groups
 */
public record AirForcesOver(String where, List<String> exempt, List<String> notBound, List<String> bound,
        List<String> other, Set<String> sides, boolean allBound) {

    public AirForcesOver {
        exempt = List.copyOf(exempt);
        notBound = List.copyOf(notBound);
        bound = List.copyOf(bound);
        other = List.copyOf(other);
        sides = Set.copyOf(sides);
    }

    /** Whether none of them is on any of these sides (a place's holders'): none struck its own side's ground. */
    public boolean noneOn(Set<String> holderSides) {
        return holderSides.stream().noneMatch(sides::contains);
    }

    /** Every one of them, whatever its standing. */
    public List<String> names() {
        List<String> names = new ArrayList<>(exempt);
        names.addAll(notBound);
        names.addAll(bound);
        names.addAll(other);
        return names;
    }

    /** "Syrian government forces, Russian forces (exempt) and Turkish forces (not bound by this truce)". */
    public String described() {
        List<String> parts = new ArrayList<>();
        if (!exempt.isEmpty()) {
            parts.add(String.join(", ", exempt) + " (exempt: their military action against excluded groups continues)");
        }
        if (!notBound.isEmpty()) {
            parts.add(String.join(", ", notBound) + " (not bound by this truce)");
        }
        if (!bound.isEmpty()) {
            parts.add(String.join(", ", bound) + " (bound by this truce)");
        }
        if (!other.isEmpty()) {
            parts.add(String.join(", ", other));
        }
        return String.join("; ", parts);
    }
}
