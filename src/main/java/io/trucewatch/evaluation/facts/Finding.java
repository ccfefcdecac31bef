package io.trucewatch.evaluation.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.trucewatch.evaluation.Verdict;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.kie.api.definition.rule.Rule;

/**
 * What one rule decided: its verdict, the clause of the truce it enforces (the rule's
 * {@code @clause} metadata, or a clause the rule takes from the truce's terms), a sentence a person
 * can read, the parties it holds responsible, and the findings it answers.
 *
 * <p>A finding that answers another takes it out of the verdict: "the strike was on ground held by
 * an excluded group" answers "civilians were harmed"; "the ground was held by a mixed coalition"
 * answers it too, and so turns it into a matter for review. The answered finding stays in the
 * evaluation, marked with what answered it (see {@code Evaluator} and the README, "How verdicts
 * combine").
 *
 * @param answers    the rules whose findings this one answers
 * @param answeredBy the rule whose finding answered this one, once the evaluation is combined
 */
public record Finding(String rule, String clause, Verdict verdict, String explanation, List<String> parties,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> answers,
        @JsonInclude(JsonInclude.Include.NON_NULL) String answeredBy) {

    public Finding {
        parties = List.copyOf(parties);
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    public Finding(String rule, String clause, Verdict verdict, String explanation, List<String> parties) {
        this(rule, clause, verdict, explanation, parties, List.of(), null);
    }

    /** Called from a rule's consequence as {@code Finding.of(drools.getRule(), ...)}. */
    public static Finding of(Rule rule, Verdict verdict, String explanation, String... parties) {
        Object clause = rule.getMetaData().get("clause");
        return of(rule, clause == null ? null : clause.toString(), verdict, explanation, parties);
    }

    /** For a rule that enforces whichever clause a fact names (e.g. a withdrawal zone's clause). */
    public static Finding of(Rule rule, String clause, Verdict verdict, String explanation, String... parties) {
        return new Finding(rule.getName(), clause, verdict, explanation,
                Arrays.stream(parties).filter(Objects::nonNull).distinct().toList());
    }

    /** The same finding, answering the findings of the rules named. */
    public Finding answering(String... rules) {
        return new Finding(rule, clause, verdict, explanation, parties, Arrays.asList(rules), answeredBy);
    }

    public Finding answeredBy(String answeringRule) {
        return new Finding(rule, clause, verdict, explanation, parties, answers, answeringRule);
    }

    @JsonIgnore
    public boolean answered() {
        return answeredBy != null;
    }
}
