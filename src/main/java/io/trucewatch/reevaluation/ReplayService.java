package io.trucewatch.reevaluation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.trucewatch.audit.CanonicalJson;
import io.trucewatch.evaluation.Evaluation;
import io.trucewatch.evaluation.Evaluator;
import io.trucewatch.incidents.Incident;
import io.trucewatch.incidents.IncidentReport;
import io.trucewatch.incidents.IncidentVersion;
import io.trucewatch.incidents.StoredReports;
import io.trucewatch.rulesets.ActiveRuleset;
import io.trucewatch.rulesets.Ruleset;
import io.trucewatch.rulesets.RulesetVersions;
import io.trucewatch.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Reproduces a stored verdict from the stored files of the ruleset version that produced it. */
@ApplicationScoped
public class ReplayService {

    @Inject
    RulesetVersions versions;

    @Inject
    ActiveRuleset active;

    public Replay replay(String incidentId, Integer versionNumber) {
        IncidentVersion stored = QuarkusTransaction.requiringNew().call(() -> {
            Incident incident = Incident.<Incident>findByIdOptional(incidentId)
                    .orElseThrow(() -> ProblemException.notFound("incident " + incidentId));
            int number = versionNumber == null ? incident.currentVersion : versionNumber;
            return IncidentVersion.<IncidentVersion>find("incidentId = ?1 and number = ?2", incidentId, number)
                    .firstResultOptional()
                    .orElseThrow(() -> ProblemException.notFound("version " + number + " of incident " + incidentId));
        });
        Ruleset original = versions.get(stored.judged.rulesetVersion).orElseThrow(() -> new IllegalStateException(
                "ruleset version " + stored.judged.rulesetVersion + " of a stored verdict is not stored"));
        IncidentReport report = StoredReports.report(stored.judged.reportJson);
        Evaluation again = Evaluator.evaluate(report, original);
        Evaluation today = Evaluator.evaluate(report, active.get());
        String againJson = StoredReports.evaluationsJson(again);
        String todayJson = StoredReports.evaluationsJson(today);
        return new Replay(incidentId, stored.number,
                new Replay.Judgement(stored.judged.rulesetVersion, stored.judged.verdict,
                        CanonicalJson.parse(stored.judged.evaluationJson)),
                judgement(again, againJson), judgement(today, todayJson),
                againJson.equals(stored.judged.evaluationJson) && again.verdict().name().equals(stored.judged.verdict),
                !todayJson.equals(stored.judged.evaluationJson));
    }

    private static Replay.Judgement judgement(Evaluation evaluation, String json) {
        return new Replay.Judgement(evaluation.rulesetVersion(), evaluation.verdict().name(), CanonicalJson.parse(json));
    }
}
