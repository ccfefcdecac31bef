package io.trucewatch.patterns.facts;

import io.trucewatch.evaluation.Verdict;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.kie.api.definition.rule.Rule;

/**
 * What a pattern rule inserts when a window reaches its threshold: the act whose window it is (the
 * window ends at that act), the reports in the window, and what the rule made of them. Hits of one
 * pattern, party and key in one period of the truce are gathered into one stored pattern.
 *
 * @param key       what the pattern groups by besides the party, as the rule names it (an area, a
 *                  weapon), or "" when nothing
 * @param incidents the reports in the window that count
 * @param areas     the areas of those reports
 */
public record PatternHit(String rule, String pattern, String clause, Verdict verdict, String party, String key,
        String incidentId, long at, Set<String> incidents, Set<String> areas, String explanation) {

    public PatternHit {
        incidents = Set.copyOf(new TreeSet<>(incidents));
        areas = areas == null ? Set.of() : Set.copyOf(new TreeSet<>(areas));
    }

    /** A hit of {@code rule} for the window that ends at {@code act}. */
    public static PatternHit of(Rule rule, PatternThreshold threshold, Act act, String key, Verdict verdict,
            Collection<?> incidents, Collection<?> areas, String explanation) {
        Object clause = rule.getMetaData().get("clause");
        return new PatternHit(rule.getName(), threshold.pattern(), clause == null ? null : clause.toString(), verdict, act.party(), key,
                act.incidentId(), act.at(), strings(incidents), strings(areas), explanation);
    }

    private static Set<String> strings(Collection<?> values) {
        Set<String> out = new TreeSet<>();
        if (values != null) {
            values.stream().filter(v -> v != null).forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }
}
