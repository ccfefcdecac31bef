package io.trucewatch.evaluation.facts;

import io.trucewatch.evaluation.Verdict;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.kie.api.definition.rule.Rule;

/**
 * What one rule decided: its verdict, the clause of the truce it enforces (the rule's
 * {@code @clause} metadata), a sentence a person can read, and the parties it holds responsible.
 * Rules insert findings; later rules can see them (e.g. nothing is judged out of scope twice).
 */
public record Finding(String rule, String clause, Verdict verdict, String explanation, List<String> parties) {

    public Finding {
        parties = List.copyOf(parties);
    }

    /** Called from a rule's consequence as {@code Finding.of(drools.getRule(), ...)}. */
    public static Finding of(Rule rule, Verdict verdict, String explanation, String... parties) {
        Object clause = rule.getMetaData().get("clause");
        return new Finding(rule.getName(), clause == null ? null : clause.toString(), verdict, explanation,
                Arrays.stream(parties).filter(Objects::nonNull).distinct().toList());
    }
}
