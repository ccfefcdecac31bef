package io.trucewatch.patterns;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.trucewatch.audit.CanonicalJson;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A pattern as stored (V11). Written only by {@link PatternRound}, which records every change in
 * the audit trail; never deleted: a pattern the reports no longer make is {@link #WITHDRAWN}.
 */
@Entity
@Table(name = "pattern")
public class StoredPattern extends PanacheEntityBase {

    static final String ACTIVE = "ACTIVE";
    static final String WITHDRAWN = "WITHDRAWN";

    @Id
    public String id;

    @Column(name = "truce_id", nullable = false)
    public String truceId;

    @Column(nullable = false)
    public String pattern;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String party;

    @Column(name = "group_key", nullable = false)
    public String groupKey;

    @Column(name = "period_start", nullable = false)
    public Instant periodStart;

    @Column(name = "period_end", nullable = false)
    public Instant periodEnd;

    @Column(name = "first_act", nullable = false)
    public Instant firstAct;

    @Column(name = "last_act", nullable = false)
    public Instant lastAct;

    @Column(name = "rule_name", nullable = false)
    public String rule;

    public String clause;

    @Column(nullable = false)
    public String verdict;

    /** {@link #ACTIVE} or {@link #WITHDRAWN}. */
    @Column(nullable = false)
    public String status;

    @Column(name = "review_status", nullable = false)
    public String reviewStatus;

    @Column(nullable = false, length = 20_000)
    public String explanation;

    /** Each report with the version and review status that were counted (DetectedPattern.Member). */
    @Column(name = "reports_json", nullable = false, length = 1_000_000)
    public String reportsJson;

    @Column(name = "areas_json", nullable = false, length = 100_000)
    public String areasJson;

    @Column(name = "ruleset_version", nullable = false)
    public String rulesetVersion;

    @Column(nullable = false)
    public int revision;

    @Column(name = "detected_at", nullable = false)
    public Instant detectedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Takes what the rules found now; the review status is kept unless the finding changed. */
    void take(DetectedPattern found, String version, Instant now) {
        id = found.id();
        truceId = found.truce();
        pattern = found.pattern();
        title = found.title();
        party = found.party();
        groupKey = found.key();
        periodStart = found.periodStart();
        periodEnd = found.periodEnd();
        firstAct = found.firstAct();
        lastAct = found.lastAct();
        rule = found.rule();
        clause = found.clause();
        verdict = found.verdict().name();
        status = ACTIVE;
        explanation = found.explanation();
        reportsJson = CanonicalJson.write(found.reports());
        areasJson = CanonicalJson.write(found.areas());
        rulesetVersion = version;
        updatedAt = now;
    }

    List<DetectedPattern.Member> reports() {
        return List.of(CanonicalJson.read(reportsJson, DetectedPattern.Member[].class));
    }

    List<String> incidents() {
        return reports().stream().map(DetectedPattern.Member::incidentId).toList();
    }

    List<String> areas() {
        return strings(areasJson);
    }

    private static List<String> strings(String json) {
        return List.of(CanonicalJson.read(json, String[].class));
    }
}
