package io.trucewatch.incidents;

import io.trucewatch.audit.CanonicalJson;
import io.trucewatch.evaluation.Evaluation;
import io.trucewatch.evaluation.ResolvedActor;
import io.trucewatch.evaluation.TruceEvaluation;
import io.trucewatch.evaluation.facts.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes stored for a report and its evaluation, and written to the audit trail. */
final class StoredForms {

    private StoredForms() {
    }

    /** The normalised report with what each named actor resolved to. */
    static Map<String, Object> incident(IncidentReport report, List<ResolvedActor> actors) {
        @SuppressWarnings("unchecked")
        Map<String, Object> incident = new LinkedHashMap<>(CanonicalJson.read(CanonicalJson.write(report), Map.class));
        incident.put("resolved_actors", actors);
        return incident;
    }

    /** Per truce: verdict, violating parties, findings and fired rules (CONTRACT §2 "evaluations"). */
    static List<Map<String, Object>> evaluations(Evaluation evaluation) {
        return evaluation.evaluations().stream().map(StoredForms::evaluation).toList();
    }

    private static Map<String, Object> evaluation(TruceEvaluation e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("truce", e.truce());
        out.put("verdict", e.verdict());
        out.put("violating_parties", e.violatingParties());
        out.put("findings", e.findings().stream().map(StoredForms::finding).toList());
        out.put("fired_rules", e.firedRules());
        return out;
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rule", f.rule());
        out.put("clause", f.clause());
        out.put("verdict", f.verdict());
        out.put("explanation", f.explanation());
        out.put("parties", f.parties());
        if (!f.answers().isEmpty()) {
            out.put("answers", f.answers());
        }
        if (f.answered()) {
            out.put("answered_by", f.answeredBy());
        }
        return out;
    }
}
