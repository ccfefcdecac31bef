package io.trucewatch.evaluation;

import io.trucewatch.evaluation.facts.Involvement;
import io.trucewatch.evaluation.facts.Occurrence;
import io.trucewatch.evaluation.facts.PlaceControl;
import io.trucewatch.evaluation.facts.Report;
import io.trucewatch.evaluation.facts.Role;
import io.trucewatch.evaluation.facts.TruceScope;
import io.trucewatch.truces.Standing;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The Syria cessation's main decisions written as plain Java if/else over the same facts the rules
 * get: what a user could pick instead of a rules engine. Benchmark baseline only; the service
 * never uses it. The benchmark checks that it reaches the engine's verdict on every report it runs.
 */
final class HandWrittenSyria {

    private static final Set<String> HOSTILE = Set.of("Battles", "Explosions/Remote violence", "Violence against civilians");

    private HandWrittenSyria() {
    }

    static Verdict judge(List<Object> facts) {
        TruceScope scope = null;
        Occurrence when = null;
        Report report = null;
        PlaceControl place = null;
        Involvement actor1 = null;
        for (Object fact : facts) {
            if (fact instanceof TruceScope s) {
                scope = s;
            } else if (fact instanceof Occurrence o) {
                when = o;
            } else if (fact instanceof Report r) {
                report = r;
            } else if (fact instanceof PlaceControl p) {
                place = p;
            } else if (fact instanceof Involvement i && i.role() == Role.ACTOR1) {
                actor1 = i;
            }
        }
        Objects.requireNonNull(scope);
        if (when.latest().isBefore(scope.startsAt()) || scope.endsAt() != null && !when.earliest().isBefore(scope.endsAt())
                || report.country() != null && !scope.countries().contains(report.country())) {
            return Verdict.OUT_OF_SCOPE;
        }
        if (when.earliest().isBefore(scope.startsAt()) || report.country() == null) {
            return Verdict.NEEDS_REVIEW;
        }
        if (!HOSTILE.contains(report.eventType())) {
            return Verdict.NOT_A_VIOLATION;
        }
        if (actor1 == null || actor1.standing() == Standing.UNRESOLVED || actor1.standing() == Standing.UNIDENTIFIED
                || actor1.standing() == Standing.DISPUTED) {
            return Verdict.NEEDS_REVIEW;
        }
        boolean besideExcluded = false;
        boolean againstExcluded = false;
        Involvement boundTarget = null;
        boolean civilians = report.civilianTargeting();
        for (Object fact : facts) {
            if (fact instanceof Involvement i && i != actor1) {
                if (i.perpetrator() && i.standing() == Standing.EXCLUDED) {
                    besideExcluded = true;
                } else if (!i.perpetrator() && i.standing() == Standing.EXCLUDED) {
                    againstExcluded = true;
                } else if (!i.perpetrator() && i.standing() == Standing.CIVILIANS) {
                    civilians = true;
                } else if (!i.perpetrator() && i.standing() == Standing.BOUND) {
                    boundTarget = i;
                }
            }
        }
        if (actor1.standing() == Standing.EXCLUDED) {
            return besideExcluded || hasBoundAssociate(facts) ? Verdict.NEEDS_REVIEW : Verdict.NOT_A_VIOLATION;
        }
        if (actor1.standing() == Standing.BOUND && besideExcluded) {
            return Verdict.NEEDS_REVIEW;
        }
        boolean partyTarget = boundTarget != null || hasTarget(facts, Standing.DISPUTED) || hasTarget(facts, Standing.MIXED);
        if (place != null && place.standing() == Standing.EXCLUDED && !partyTarget
                && (actor1.standing() == Standing.BOUND || actor1.standing() == Standing.NOT_PARTY)) {
            return Verdict.NOT_A_VIOLATION;
        }
        if (againstExcluded) {
            boolean heldByParty = place != null && place.standing() == Standing.BOUND;
            return heldByParty && !actor1.exempt() ? Verdict.NEEDS_REVIEW : Verdict.NOT_A_VIOLATION;
        }
        if (actor1.standing() == Standing.BOUND) {
            boolean mixedOrContested = place != null && (place.standing() == Standing.MIXED
                    && !place.heldBySide(actor1.side()) || place.standing() == Standing.DISPUTED);
            if (civilians && !mixedOrContested) {
                return Verdict.PROBABLE_VIOLATION;
            }
            boolean otherSide = boundTarget != null && !Objects.equals(boundTarget.side(), actor1.side());
            if (report.eventType().equals("Battles") && report.subEventType().equals("Armed clash") && otherSide) {
                return Verdict.NEEDS_REVIEW;
            }
            if (otherSide) {
                return Verdict.PROBABLE_VIOLATION;
            }
            if (place != null && place.standing() == Standing.BOUND && !Objects.equals(place.side(), actor1.side())) {
                return Verdict.PROBABLE_VIOLATION;
            }
        }
        return Verdict.NEEDS_REVIEW;
    }

    private static boolean hasTarget(List<Object> facts, Standing standing) {
        for (Object fact : facts) {
            if (fact instanceof Involvement i && !i.perpetrator() && i.standing() == standing) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasBoundAssociate(List<Object> facts) {
        for (Object fact : facts) {
            if (fact instanceof Involvement i && i.perpetrator() && i.role() != Role.ACTOR1 && i.standing() == Standing.BOUND) {
                return true;
            }
        }
        return false;
    }
}
