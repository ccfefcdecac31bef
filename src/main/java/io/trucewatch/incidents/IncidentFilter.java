package io.trucewatch.incidents;

import io.trucewatch.evaluation.Verdict;
import java.time.LocalDate;
import java.util.Set;

/**
 * Filters of the incident lists, exports and the review queue; null (or empty) means "any".
 *
 * @param truce          reports inside that truce's scope (its verdict is not OUT_OF_SCOPE)
 * @param actor          an actor id, name or alias; matches any role in the report
 * @param from           first event day (event_date, else the UTC day of occurred_at), inclusive
 * @param to             last event day, inclusive
 * @param submittedBy    the user who submitted the report
 * @param reviewStatuses any of these review statuses
 */
public record IncidentFilter(Verdict verdict, String truce, String actor, String admin1, LocalDate from,
        LocalDate to, String submittedBy, Set<ReviewStatus> reviewStatuses) {

    public static final IncidentFilter ANY = new IncidentFilter(null, null, null, null, null, null, null, Set.of());

    IncidentFilter withReviewStatuses(Set<ReviewStatus> statuses) {
        return new IncidentFilter(verdict, truce, actor, admin1, from, to, submittedBy, statuses);
    }
}
