package io.trucewatch.rulesets;

import java.util.Map;
import java.util.TreeMap;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSessionsPool;

/**
 * A compiled, checked ruleset: the snapshot it was built from (whose hash is its version), the
 * terms of {@code config/}, and one KieBase per truce (and, for truces whose rule set has rules
 * over time, one that finds patterns: {@code patterns}). Immutable, so evaluations that started on
 * it finish on it even if another version is put in service meanwhile.
 *
 * <p>Each KieBase comes with a pool of sessions: creating a session allocates the memory of every
 * node of the rule network, which measured half of a bare evaluation; a pooled session is reset
 * (emptied) when it is given back and reused. The pool grows to the number of threads evaluating
 * at once and goes away with the ruleset.
 */
public record Ruleset(RulesetSnapshot snapshot, Terms terms, Map<String, KieBase> rules,
        Map<String, KieSessionsPool> sessions, Map<String, KieBase> patterns) {

    public Ruleset(RulesetSnapshot snapshot, Terms terms, Map<String, KieBase> rules, Map<String, KieBase> patterns) {
        this(snapshot, terms, rules, pools(rules), patterns);
    }

    private static Map<String, KieSessionsPool> pools(Map<String, KieBase> rules) {
        Map<String, KieSessionsPool> pools = new TreeMap<>();
        rules.forEach((truceId, base) -> pools.put(truceId, base.newKieSessionsPool(0)));
        return Map.copyOf(pools);
    }

    public String version() {
        return snapshot.version();
    }

    /** Rule name → the clause its {@code @clause} names, for one truce's rules. */
    public Map<String, String> clausesByRule(String truceId) {
        Map<String, String> clauses = new TreeMap<>();
        KieBase base = rules.get(truceId);
        if (base != null) {
            for (KiePackage pkg : base.getKiePackages()) {
                for (Rule rule : pkg.getRules()) {
                    Object clause = rule.getMetaData().get("clause");
                    clauses.put(rule.getName(), clause == null ? null : clause.toString());
                }
            }
        }
        return clauses;
    }

    /** Loads, checks and compiles a snapshot; throws {@link RulesetException} listing every error. */
    public static Ruleset compile(RulesetSnapshot snapshot) {
        Terms terms = TermsLoader.load(snapshot);
        RuleCompiler.Compiled compiled = RuleCompiler.compile(snapshot, terms);
        return new Ruleset(snapshot, terms, compiled.rules(), compiled.patterns());
    }
}
