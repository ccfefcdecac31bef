package io.trucewatch.rulesets;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.trucewatch.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Changing the ruleset in service safely: a candidate is compiled in isolation and must pass its
 * scenarios before it is swapped in; a candidate that does not is rejected (and the rejection
 * audited) while the ruleset in service keeps serving.
 */
@ApplicationScoped
public class RulesetLifecycle {

    private static final Logger LOG = Logger.getLogger(RulesetLifecycle.class);

    @ConfigProperty(name = "trucewatch.rules-dir")
    Path rulesDir;

    @ConfigProperty(name = "trucewatch.config-dir")
    Path configDir;

    @Inject
    ActiveRuleset active;

    @Inject
    AuditTrail audit;

    /** A candidate that compiled and passed its scenarios. */
    public record Checked(Ruleset ruleset, int scenarios, long compileMillis, long scenarioMillis) {
    }

    /** What a reload did. */
    public record Reload(String previousVersion, String activeVersion, boolean changed, int scenarios,
            long compileMillis, long scenarioMillis) {
    }

    /** Compiles and checks a candidate without putting it into service; throws with every error. */
    public Checked check(RulesetSnapshot candidate) {
        long start = System.nanoTime();
        Ruleset ruleset = Ruleset.compile(candidate);
        long compiled = System.nanoTime();
        ScenarioRunner.Result scenarios = ScenarioRunner.run(ruleset);
        long checked = System.nanoTime();
        if (!scenarios.ok()) {
            throw new RulesetException(scenarios.failures());
        }
        return new Checked(ruleset, scenarios.run(), (compiled - start) / 1_000_000, (checked - compiled) / 1_000_000);
    }

    /**
     * Reads {@code rules/} and {@code config/} from disk and, if they differ from the version in
     * service and pass every check, puts them into service. One reload at a time.
     */
    public synchronized Reload reload(String principal, RulesetActivation.Trigger trigger) {
        String previous = active.get().version();
        RulesetSnapshot candidate;
        Checked checked;
        try {
            candidate = RulesetSnapshot.read(rulesDir, configDir);
            if (candidate.version().equals(previous)) {
                return new Reload(previous, previous, false, 0, 0, 0);
            }
            checked = check(candidate);
        } catch (RulesetException e) {
            recordRejection(e, principal, trigger);
            throw e;
        }
        active.activate(checked.ruleset(), principal, trigger);
        LOG.infof("ruleset %s in service (was %s), by %s (%s)", checked.ruleset().version(), previous, principal, trigger);
        return new Reload(previous, checked.ruleset().version(), true, checked.scenarios(), checked.compileMillis(),
                checked.scenarioMillis());
    }

    private void recordRejection(RulesetException e, String principal, RulesetActivation.Trigger trigger) {
        LOG.warnf("ruleset candidate rejected (%s by %s); %s stays in service: %s", trigger, principal,
                active.get().version(), e.getMessage());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("trigger", trigger.name());
        data.put("active_version", active.get().version());
        data.put("errors", e.errors());
        QuarkusTransaction.requiringNew().run(() -> audit.append(AuditTrail.RULESET_REJECTED, null, principal, data));
    }

    /** The candidate made of the ruleset in service with some files replaced, added or removed. */
    public RulesetSnapshot overlay(Map<String, String> files, List<String> removed) {
        List<RulesetException.Error> errors = new java.util.ArrayList<>();
        if (files != null) {
            files.keySet().forEach(path -> checkPath(path, errors));
        }
        if (removed != null) {
            removed.forEach(path -> checkPath(path, errors));
        }
        if (!errors.isEmpty()) {
            throw new RulesetException(errors);
        }
        Map<String, String> merged = new java.util.TreeMap<>(active.get().snapshot().files());
        if (removed != null) {
            removed.forEach(merged::remove);
        }
        if (files != null) {
            merged.putAll(files);
        }
        return new RulesetSnapshot(merged);
    }

    /** Candidate paths are relative, inside rules/ or config/, and never climb out. */
    static void checkPath(String path, List<RulesetException.Error> errors) {
        boolean inside = path.startsWith(RulesetSnapshot.RULES_DIR + "/") || path.startsWith(RulesetSnapshot.CONFIG_DIR + "/");
        if (!inside || path.contains("..") || path.contains("\\") || path.endsWith("/")) {
            errors.add(new RulesetException.Error(path, 0, 0,
                    "a candidate file's path must be a file under rules/ or config/, without '..'"));
        }
    }
}
