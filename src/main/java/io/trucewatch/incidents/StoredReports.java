package io.trucewatch.incidents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trucewatch.audit.CanonicalJson;
import io.trucewatch.evaluation.Evaluation;
import io.trucewatch.evaluation.ResolvedActor;
import io.trucewatch.evaluation.Verdict;
import java.util.List;

/** Stored reports read back for re-evaluation, and evaluations in the form they are stored in. */
public final class StoredReports {

    private StoredReports() {
    }

    /**
     * The report as it was submitted (normalised), from its stored JSON. Read with the checks of
     * the time it was stored, not with the request rules added since (plausible dates, strict
     * JSON): a stored report is judged again, never refused.
     */
    public static IncidentReport report(String reportJson) {
        ObjectNode stored = (ObjectNode) CanonicalJson.parse(reportJson);
        stored.remove("resolved_actors");
        return ReportParser.stored(stored);
    }

    /**
     * The review status a version judged {@code verdict} starts with (before any review): what the
     * audit trail's verification expects after each evaluation entry.
     */
    public static String initialReviewStatus(String verdict) {
        return ReviewStatus.initialFor(Verdict.valueOf(verdict)).name();
    }

    /** Exactly the JSON that would be stored for this report, as {@code actors} resolve its names. */
    public static String reportJson(IncidentReport report, List<ResolvedActor> actors) {
        return CanonicalJson.write(StoredForms.incident(report, actors));
    }

    /** Exactly the JSON that would be stored for this evaluation: equal strings, equal verdicts. */
    public static String evaluationsJson(Evaluation evaluation) {
        return CanonicalJson.write(StoredForms.evaluations(evaluation));
    }
}
