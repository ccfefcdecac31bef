package io.trucewatch.patterns.facts;

import io.trucewatch.evaluation.Verdict;
import java.util.Collection;
import java.util.Set;
import java.util.HashSet;
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
        // One copy, unordered: a hit is made per act in dense windows, and whoever needs an order
        // (the stored pattern) sorts the union of a period's hits once.
        incidents = Set.copyOf(incidents);
        areas = areas == null ? Set.of() : Set.copyOf(areas);
    }

    /** A hit of {@code rule} for the window that ends at {@code act}. */
    public static PatternHit of(Rule rule, PatternThreshold threshold, Act act, String key, Verdict verdict,
            Collection<?> incidents, Collection<?> areas, String explanation) {
        Object clause = rule.getMetaData().get("clause");
        return new PatternHit(rule.getName(), threshold.pattern(), clause == null ? null : clause.toString(), verdict, act.party(), key,
                act.incidentId(), act.at(), strings(incidents), strings(areas), explanation);
    }

    /** The values as strings, nulls left out (what collectSet gives is already that, and is not copied here). */
    private static Set<String> strings(Collection<?> values) {
        if (values == null) {
            return Set.of();
        }
        if (values instanceof Set<?> set && set.stream().allMatch(v -> v instanceof String)) {
            @SuppressWarnings("unchecked")
            Set<String> strings = (Set<String>) set;
            return strings;
        }
        Set<String> out = new HashSet<>();
        values.stream().filter(v -> v != null).forEach(v -> out.add(String.valueOf(v)));
        return out;
    }
}
