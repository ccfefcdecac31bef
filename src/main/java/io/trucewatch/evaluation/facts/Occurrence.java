package io.trucewatch.evaluation.facts;

import java.time.Instant;

/**
 * When the act happened, as the earliest and latest instant it can have happened at (both
 * inclusive). A known instant gives earliest == latest; a day in the truce's time zone gives that
 * day's first and last instant; ACLED's coarser time precisions give a week or a month.
 */
public record Occurrence(Instant earliest, Instant latest, String precision) {
}
