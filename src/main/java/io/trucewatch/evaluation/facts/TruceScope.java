package io.trucewatch.evaluation.facts;

import io.trucewatch.truces.Truce;
import java.time.Instant;
import java.util.Set;

/**
 * When and where the truce being evaluated applies, and the facts of its terms that explanations
 * quote. {@code endsAt} is null for an open-ended truce.
 *
 * @param startText the start as the truce's text states it, e.g. "00:00 on 27 Feb 2016 (Asia/Damascus)"
 * @param endText   the end in the same form, or null
 * @param everyArmedActorBound whether nobody armed in its territory stands outside it (no excluded group)
 * @param inForceDisputed the span, from a moment to its end, in which the record disputes that it was still in
 *                  force, or null
 */
public record TruceScope(String truceId, String title, Instant startsAt, Instant endsAt, Set<String> countries,
        String timeZone, String startText, String endText, boolean everyArmedActorBound,
        Truce.DisputedForce inForceDisputed) {

    public TruceScope {
        countries = Set.copyOf(countries);
    }

    /** The act certainly happened before the truce took effect. */
    public boolean isBefore(Occurrence act) {
        return act.latest().isBefore(startsAt);
    }

    /** The act certainly happened after the truce ended. */
    public boolean isAfter(Occurrence act) {
        return endsAt != null && !act.earliest().isBefore(endsAt);
    }

    /** The span the act may have happened in includes the start. */
    public boolean spansStart(Occurrence act) {
        return act.straddles(startsAt);
    }

    /** The span the act may have happened in includes the end. */
    public boolean spansEnd(Occurrence act) {
        return act.straddles(endsAt);
    }

    /** The act certainly happened while the truce was in force, and before any span in which that is disputed. */
    public boolean inForce(Occurrence act) {
        return !act.earliest().isBefore(startsAt) && (endsAt == null || act.latest().isBefore(endsAt))
                && !mayFallWhereInForceIsDisputed(act);
    }

    /** The moment from which the record disputes that the truce was in force, as explanations quote it. */
    public String inForceDisputedText() {
        return inForceDisputed.fromText();
    }

    /** Why the record disputes that the truce was in force then. */
    public String inForceDisputedReason() {
        return inForceDisputed.reason();
    }

    /** The act may have happened in the span in which the record disputes that the truce was in force. */
    public boolean mayFallWhereInForceIsDisputed(Occurrence act) {
        return inForceDisputed != null && !act.latest().isBefore(inForceDisputed.from())
                && (endsAt == null || act.earliest().isBefore(endsAt));
    }

    /** The report was placed in a country outside the truce's territory. */
    public boolean outside(String country) {
        return country != null && !countries.contains(country);
    }
}
