package io.trucewatch.incidents;

import io.trucewatch.audit.CanonicalJson;
import io.trucewatch.evaluation.Evaluation;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A report as stored and the judgement it was given: the columns an {@link IncidentVersion} keeps
 * for good and the {@link Incident} row repeats for its latest version, under the same names in
 * both tables. Replaced whole, never changed in place: a new version is a new judgement, and one
 * object assigned to an entity is a change Hibernate cannot miss.
 */
@Embeddable
public class JudgedReport {

    /** SHA-256 of the normalised report: equal hashes mean "the same content" (CONTRACT §4). */
    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    /** The normalised report with what each named actor resolved to. */
    @Column(name = "report_json", nullable = false, length = 1_000_000)
    public String reportJson;

    @Column(name = "verdict", nullable = false)
    public String verdict;

    @Column(name = "ruleset_version", nullable = false)
    public String rulesetVersion;

    @Column(name = "evaluation_json", nullable = false, length = 1_000_000)
    public String evaluationJson;

    /** For Hibernate, which fills the fields from a row. */
    public JudgedReport() {
    }

    private JudgedReport(JudgedReport other) {
        this.contentHash = other.contentHash;
        this.reportJson = other.reportJson;
        this.verdict = other.verdict;
        this.rulesetVersion = other.rulesetVersion;
        this.evaluationJson = other.evaluationJson;
    }

    /** {@code report}, whose content hashes to {@code contentHash}, as {@code evaluation} judged it. */
    static JudgedReport of(String contentHash, IncidentReport report, Evaluation evaluation) {
        JudgedReport judged = new JudgedReport();
        judged.contentHash = contentHash;
        judged.reportJson = CanonicalJson.write(StoredForms.incident(report, evaluation.actors()));
        judged.verdict = evaluation.verdict().name();
        judged.rulesetVersion = evaluation.rulesetVersion();
        judged.evaluationJson = CanonicalJson.write(StoredForms.evaluations(evaluation));
        return judged;
    }

    /**
     * The same values in a new object: each entity gets its own, since Hibernate tracks an
     * embedded object as part of the one entity that holds it.
     */
    public JudgedReport copy() {
        return new JudgedReport(this);
    }
}
