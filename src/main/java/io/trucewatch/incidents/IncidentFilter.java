package io.trucewatch.incidents;

import io.trucewatch.evaluation.Verdict;
import java.time.LocalDate;

/**
 * Filters of {@code GET /api/incidents}; null means "any".
 *
 * @param truce  reports inside that truce's scope (its verdict is not OUT_OF_SCOPE)
 * @param actor  an actor id, name or alias; matches any role in the report
 * @param from   first event day (event_date, else the UTC day of occurred_at), inclusive
 * @param to     last event day, inclusive
 */
public record IncidentFilter(Verdict verdict, String truce, String actor, String admin1, LocalDate from, LocalDate to) {
}
