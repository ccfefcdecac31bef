package io.trucewatch.rulesets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Compiled rulesets of stored versions, for replay and dry-runs: the version in service as it is,
 * any other recompiled from its stored files. Compiling takes a second or two, so the last few
 * are kept.
 */
@ApplicationScoped
public class RulesetVersions {

    private static final int KEPT = 4;

    @Inject
    ActiveRuleset active;

    @Inject
    RulesetStore store;

    private final Map<String, Ruleset> compiled = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Ruleset> eldest) {
            return size() > KEPT;
        }
    };

    /** The compiled ruleset of a version ever used; empty if it never was. */
    public Optional<Ruleset> get(String version) {
        Ruleset current = active.get();
        if (current.version().equals(version)) {
            return Optional.of(current);
        }
        synchronized (compiled) {
            Ruleset cached = compiled.get(version);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        RulesetSnapshot files = store.load(version);
        if (files == null) {
            return Optional.empty();
        }
        Ruleset ruleset = Ruleset.compile(files);
        synchronized (compiled) {
            compiled.put(version, ruleset);
        }
        return Optional.of(ruleset);
    }
}
