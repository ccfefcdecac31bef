package io.trucewatch.evaluation;

import java.util.List;

/** A report judged against every truce of one ruleset version; {@code verdict} is the most severe. */
public record Evaluation(Verdict verdict, String rulesetVersion, List<TruceEvaluation> evaluations,
        List<ResolvedActor> actors) {

    /** The judgement under one truce of the ruleset. */
    public TruceEvaluation of(String truceId) {
        return evaluations.stream().filter(e -> e.truce().equals(truceId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no truce '" + truceId + "' in ruleset " + rulesetVersion));
    }
}
