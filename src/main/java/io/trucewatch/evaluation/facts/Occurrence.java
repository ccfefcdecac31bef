package io.trucewatch.evaluation.facts;

import java.time.Instant;

/**
 * When the act happened, as the earliest and latest instant it can have happened at (both
 * inclusive). A known instant gives earliest == latest; a day in the truce's time zone gives that
 * day's first and last instant; ACLED's coarser time precisions give a week or a month. A day that
 * includes the truce's start or end is cut at it where the report's own words say on which side the
 * act fell: {@code reportedTiming} quotes them (null when the span is the date's alone).
 */
public record Occurrence(Instant earliest, Instant latest, String precision, String reportedTiming) {

    public Occurrence(Instant earliest, Instant latest, String precision) {
        this(earliest, latest, precision, null);
    }

    /** Whether the act may have happened on either side of the moment (it falls inside the span, after its first instant). */
    public boolean straddles(Instant moment) {
        return moment != null && earliest.isBefore(moment) && !latest.isBefore(moment);
    }

    /** For explanations: how the report's words placed the act, or nothing. */
    public String timingNote() {
        return reportedTiming == null ? "" : " (the report's own words place it: '" + reportedTiming + "')";
    }
}
