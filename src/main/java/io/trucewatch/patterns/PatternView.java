package io.trucewatch.patterns;

import java.time.Instant;
import java.util.List;

/**
 * A pattern as the API, the audit trail and the events show it.
 *
 * @param key         what the pattern groups by besides the party (an area, a weapon), or ""
 * @param status      ACTIVE, or WITHDRAWN when the reports no longer make it (a report corrected,
 *                    dismissed or moved in time)
 * @param incidents   the reports it holds
 * @param reports     the same, each with the version and review status that were counted
 * @param revision    1 when found, one more at each change
 */
public record PatternView(String id, String truce, String pattern, String title, String party, String key,
        Instant periodStart, Instant periodEnd, Instant firstAct, Instant lastAct, String rule, String clause,
        String verdict, String status, String reviewStatus, String explanation, List<String> incidents,
        List<DetectedPattern.Member> reports, List<String> areas, String rulesetVersion, int revision, Instant detectedAt, Instant updatedAt) {

    static PatternView of(StoredPattern p) {
        return new PatternView(p.id, p.truceId, p.pattern, p.title, p.party, p.groupKey, p.periodStart, p.periodEnd,
                p.firstAct, p.lastAct, p.rule, p.clause, p.verdict, p.status, p.reviewStatus, p.explanation,
                p.incidents(), p.reports(), p.areas(), p.rulesetVersion, p.revision, p.detectedAt, p.updatedAt);
    }
}
