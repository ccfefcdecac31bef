package io.trucewatch.incidents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trucewatch.audit.CanonicalJson;
import io.trucewatch.evaluation.Evaluation;

/** Stored reports read back for re-evaluation, and evaluations in the form they are stored in. */
public final class StoredReports {

    private StoredReports() {
    }

    /** The report as it was submitted (normalised), from its stored JSON. */
    public static IncidentReport report(String reportJson) {
        ObjectNode stored = (ObjectNode) CanonicalJson.parse(reportJson);
        stored.remove("resolved_actors");
        return ReportParser.parse(stored.toString());
    }

    /** Exactly the JSON that would be stored for this evaluation: equal strings, equal verdicts. */
    public static String evaluationsJson(Evaluation evaluation) {
        return CanonicalJson.write(StoredForms.evaluations(evaluation));
    }
}
