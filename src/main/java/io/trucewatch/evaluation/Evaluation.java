package io.trucewatch.evaluation;

import java.util.List;

/** A report judged against every truce of one ruleset version; {@code verdict} is the most severe. */
public record Evaluation(Verdict verdict, String rulesetVersion, List<TruceEvaluation> evaluations,
        List<ResolvedActor> actors) {
}
