package io.trucewatch.evaluation;

import io.trucewatch.evaluation.facts.Finding;
import java.util.List;

/** The verdict of one truce on one report, with the findings that decided it and every rule that fired. */
public record TruceEvaluation(String truce, Verdict verdict, List<String> violatingParties, List<Finding> findings,
        List<String> firedRules) {
}
