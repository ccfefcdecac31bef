package io.trucewatch.evaluation.facts;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * When and where the truce being evaluated applies, and the facts of its terms that explanations
 * quote ({@code starts}, the local start as the text states it). {@code endsAt} is null for an
 * open-ended truce.
 *
 * @param everyArmedActorBound whether nobody armed in its territory stands outside it (no excluded group)
 */
public record TruceScope(String truceId, String title, Instant startsAt, Instant endsAt, Set<String> countries,
        String timeZone, LocalDateTime starts, LocalDateTime ends, boolean everyArmedActorBound) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("HH:mm 'on' d MMM yyyy", Locale.ROOT);

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
        return act.earliest().isBefore(startsAt) && !act.latest().isBefore(startsAt);
    }

    /** The span the act may have happened in includes the end. */
    public boolean spansEnd(Occurrence act) {
        return endsAt != null && act.earliest().isBefore(endsAt) && !act.latest().isBefore(endsAt);
    }

    /** The act certainly happened while the truce was in force. */
    public boolean inForce(Occurrence act) {
        return !act.earliest().isBefore(startsAt) && (endsAt == null || act.latest().isBefore(endsAt));
    }

    /** The report was placed in a country outside the truce's territory. */
    public boolean outside(String country) {
        return country != null && !countries.contains(country);
    }

    /** The start as the truce's text states it, e.g. "00:00 on 27 Feb 2016 (Asia/Damascus)". */
    public String startText() {
        return LOCAL.format(starts) + " (" + timeZone + ")";
    }

    /** The end in the same form, or null for an open-ended truce. */
    public String endText() {
        return ends == null ? null : LOCAL.format(ends) + " (" + timeZone + ")";
    }
}
