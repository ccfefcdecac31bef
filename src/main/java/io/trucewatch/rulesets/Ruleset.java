package io.trucewatch.rulesets;

import java.util.Map;
import org.kie.api.KieBase;

/**
 * A compiled, checked ruleset: the snapshot it was built from (whose hash is its version), the
 * terms of {@code config/}, and one KieBase per truce. Immutable, so evaluations that started on
 * it finish on it even if another version is put in service meanwhile.
 */
public record Ruleset(RulesetSnapshot snapshot, Terms terms, Map<String, KieBase> rules) {

    public String version() {
        return snapshot.version();
    }

    /** Loads, checks and compiles a snapshot; throws {@link RulesetException} listing every error. */
    public static Ruleset compile(RulesetSnapshot snapshot) {
        Terms terms = TermsLoader.load(snapshot);
        return new Ruleset(snapshot, terms, RuleCompiler.compile(snapshot, terms));
    }
}
