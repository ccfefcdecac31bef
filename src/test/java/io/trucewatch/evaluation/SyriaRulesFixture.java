package io.trucewatch.evaluation;

import io.trucewatch.evaluation.facts.Finding;
import io.trucewatch.incidents.IncidentReport;
import io.trucewatch.rulesets.Ruleset;
import io.trucewatch.rulesets.RulesetSnapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Compiles the repository's real rules/ and config/ once for all rule tests. */
public final class SyriaRulesFixture {

    public static final String TRUCE = "syria-coh-2016";
    private static Ruleset ruleset;

    private SyriaRulesFixture() {
    }

    public static synchronized Ruleset ruleset() {
        if (ruleset == null) {
            ruleset = Ruleset.compile(snapshot());
        }
        return ruleset;
    }

    public static RulesetSnapshot snapshot() {
        return RulesetSnapshot.read(Path.of("rules"), Path.of("config"));
    }

    public static TruceEvaluation syria(IncidentReport report) {
        return syria(report, ruleset());
    }

    public static TruceEvaluation syria(IncidentReport report, Ruleset ruleset) {
        return Evaluator.evaluate(report, ruleset, TRUCE);
    }

    /** The rules that produced findings. */
    public static Set<String> findingRules(TruceEvaluation evaluation) {
        return evaluation.findings().stream().map(Finding::rule).collect(Collectors.toSet());
    }

    public static List<Finding> findingsOf(TruceEvaluation evaluation, String rule) {
        return evaluation.findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }
}
