package io.trucewatch.evaluation.facts;

import java.time.Instant;
import java.util.Set;

/**
 * When and where the truce being evaluated applies, and the facts of its terms that explanations
 * quote. {@code endsAt} is null for an open-ended truce.
 *
 * @param startText the start as the truce's text states it, e.g. "00:00 on 27 Feb 2016 (Asia/Damascus)"
 * @param endText   the end in the same form, or null
 * @param everyArmedActorBound whether nobody armed in its territory stands outside it (no excluded group)
 * @param endReason why the truce is taken to end when it does, where no party declared it over, or null
 */
public record TruceScope(String truceId, String title, Instant startsAt, Instant endsAt, Set<String> countries,
        String timeZone, String startText, String endText, boolean everyArmedActorBound,
        String endReason) {

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

    /** The act certainly happened while the truce was in force. */
    public boolean inForce(Occurrence act) {
        return !act.earliest().isBefore(startsAt) && (endsAt == null || act.latest().isBefore(endsAt));
    }

    /** Why the truce is taken to end then, as explanations of its end add it: "" when no reason is given. */
    public String endNote() {
        return endReason == null ? "" : " (taken as its end because " + endReason + ")";
    }

    /** The report was placed in a country outside the truce's territory. */
    public boolean outside(String country) {
        return country != null && !countries.contains(country);
    }
}
