package io.trucewatch.evaluation;

import io.trucewatch.incidents.IncidentReport;
import io.trucewatch.rulesets.Ruleset;
import io.trucewatch.rulesets.RulesetSnapshot;
import java.nio.file.Path;

/** Compiles the real rules/ and config/ of the repository once for all rule tests. */
final class SyriaRulesFixture {

    static final String TRUCE = "syria-coh-2016";
    private static Ruleset ruleset;

    private SyriaRulesFixture() {
    }

    static synchronized Ruleset ruleset() {
        if (ruleset == null) {
            ruleset = Ruleset.compile(RulesetSnapshot.read(Path.of("rules"), Path.of("config")));
        }
        return ruleset;
    }

    static TruceEvaluation syria(IncidentReport report) {
        return Evaluator.evaluate(report, ruleset()).evaluations().stream()
                .filter(e -> e.truce().equals(TRUCE)).findFirst().orElseThrow();
    }
}
