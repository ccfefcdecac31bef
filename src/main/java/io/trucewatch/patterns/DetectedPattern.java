package io.trucewatch.patterns;

import io.trucewatch.evaluation.Verdict;
import java.time.Instant;
import java.util.List;

/**
 * A pattern found in one period: which rule and clause, whose, the reports in its windows and why.
 * Its id is a function of (truce, pattern, party, key, period), so the same pattern found again,
 * with more or fewer reports, is the same pattern revised.
 *
 * @param firstAct the earliest event time among its reports
 * @param lastAct  the latest
 * @param reports  its reports, by id, each as it was read: what a replay reads again
 */
public record DetectedPattern(String id, String truce, String pattern, String title, String rule, String clause,
        Verdict verdict, String party, String key, Instant periodStart, Instant periodEnd, Instant firstAct,
        Instant lastAct, List<Member> reports, List<String> areas, String explanation) {

    /** A report in a pattern: which version, with which review status, was counted. */
    public record Member(String incidentId, int version, String reviewStatus) {
    }

    public DetectedPattern {
        reports = List.copyOf(reports);
        areas = List.copyOf(areas);
    }

    public List<String> incidents() {
        return reports.stream().map(Member::incidentId).toList();
    }
}
