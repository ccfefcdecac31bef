package io.trucewatch.evaluation;

import io.trucewatch.evaluation.facts.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How one truce's findings combine into its verdict (README, "How verdicts combine"):
 * <ol>
 * <li>A finding that another finding answers does not count. Which findings answer which is
 * decided by the rules ({@link Finding#answering}), where the reason is known: an exemption by
 * place answers civilian harm, mixed or contested ground answers a violation the rules could not
 * pin on a party's target.</li>
 * <li>Of the findings that count, the most severe is the truce's verdict: one unanswered probable
 * violation is enough, and so is one unanswered reason for review.</li>
 * <li>The violating parties are those of the counting probable violations; an empty list with a
 * probable violation means the rules found a violation by a side they could not name.</li>
 * <li>No finding at all is a rules defect, said as NEEDS_REVIEW rather than guessed.</li>
 * </ol>
 */
final class VerdictCombination {

    private VerdictCombination() {
    }

    static TruceEvaluation combine(String truceId, List<Finding> raw, List<String> fired) {
        List<Finding> findings = markAnswered(raw);
        findings.sort(Comparator.comparing(Finding::answered).thenComparing(Finding::verdict)
                .thenComparing(Finding::rule).thenComparing(Finding::explanation));
        List<Finding> counting = findings.stream().filter(f -> !f.answered()).toList();
        Verdict verdict = Verdict.mostSevere(counting.stream().map(Finding::verdict).toList());
        if (verdict == null) {
            verdict = Verdict.NEEDS_REVIEW;
            findings.add(0, new Finding("no-rule-decided", null, Verdict.NEEDS_REVIEW,
                    findings.isEmpty() ? "No rule of this truce reached a verdict on the report."
                            : "Every finding of this truce's rules was answered by another: the rules contradict each other.",
                    List.of()));
        }
        Set<String> violating = new LinkedHashSet<>();
        counting.stream().filter(f -> f.verdict() == Verdict.PROBABLE_VIOLATION)
                .forEach(f -> violating.addAll(f.parties()));
        return new TruceEvaluation(truceId, verdict, List.copyOf(violating), List.copyOf(findings), List.copyOf(fired));
    }

    /** Each finding with the first other finding (in rule order) that answers its rule. */
    private static List<Finding> markAnswered(List<Finding> raw) {
        List<Finding> byRule = new ArrayList<>(raw);
        byRule.sort(Comparator.comparing(Finding::rule).thenComparing(Finding::explanation));
        List<Finding> marked = new ArrayList<>();
        for (Finding finding : byRule) {
            Finding answered = finding;
            for (Finding other : byRule) {
                if (other != finding && other.answers().contains(finding.rule())) {
                    answered = finding.answeredBy(other.rule());
                    break;
                }
            }
            marked.add(answered);
        }
        return marked;
    }
}
