package io.trucewatch.rulesets;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.trucewatch.audit.AuditTrail;
import io.trucewatch.audit.Ledger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.trucewatch.web.ProblemException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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

    /** Longest a candidate's compile and scenarios may take before it is abandoned. */
    @ConfigProperty(name = "trucewatch.rules.check-timeout", defaultValue = "120s")
    Duration checkTimeout;

    /** Heap of the process a candidate is checked in (CandidateProcess). */
    @ConfigProperty(name = "trucewatch.rules.check-heap", defaultValue = "768m")
    String checkHeap;

    @Inject
    ActiveRuleset active;

    /** One candidate checked at a time: checks are CPU-bound, and serving needs the other core. */
    private final Semaphore checking = new Semaphore(1, true);

    @Inject
    Ledger ledger;

    /** A candidate that compiled and passed its scenarios. */
    public record Checked(Ruleset ruleset, int scenarios, long compileMillis, long scenarioMillis) {
    }

    /** What a reload did. */
    public record Reload(String previousVersion, String activeVersion, boolean changed, int scenarios,
            long compileMillis, long scenarioMillis) {
    }

    /**
     * Compiles a candidate and runs its scenarios in a process of its own (CandidateProcess),
     * without putting it into service; throws with every error.
     */
    public CandidateCheck.Outcome vet(RulesetSnapshot candidate) {
        CandidateCheck.Outcome outcome = vetCompiles(candidate);
        if (!outcome.scenarioFailures().isEmpty()) {
            throw new RulesetException(outcome.scenarioFailures());
        }
        return outcome;
    }

    /** Like {@link #vet}, but failed scenarios are reported in the outcome, not thrown (a dry-run shows them). */
    private CandidateCheck.Outcome vetCompiles(RulesetSnapshot candidate) {
        return bounded(() -> {
            CandidateCheck.Outcome outcome = CandidateProcess.check(candidate, checkTimeout, checkHeap);
            if (!outcome.errors().isEmpty()) {
                throw new RulesetException(outcome.errors());
            }
            return outcome;
        });
    }

    /** A candidate vetted in its own process, then compiled here, ready to be put into service. */
    public Checked check(RulesetSnapshot candidate) {
        CandidateCheck.Outcome outcome = vet(candidate);
        Ruleset ruleset = BoundedCheck.within(checkTimeout, "compiling the vetted candidate", () -> Ruleset.compile(candidate));
        return new Checked(ruleset, outcome.scenarios(), outcome.compileMillis(), outcome.scenarioMillis());
    }

    /**
     * A candidate that compiles in its own process, then compiled here, whether or not its
     * scenarios pass: a dry-run judges stored reports with it and shows the scenarios it fails.
     */
    public Ruleset compile(RulesetSnapshot candidate) {
        vetCompiles(candidate);
        return BoundedCheck.within(checkTimeout, "compiling the vetted candidate", () -> Ruleset.compile(candidate));
    }

    private <T> T bounded(java.util.function.Supplier<T> work) {
        boolean admitted;
        try {
            admitted = checking.tryAcquire(checkTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            throw new ProblemException(503, "/problems/busy", "Another candidate is being checked",
                    "Another ruleset candidate is being checked; try again when it is done", List.of());
        }
        try {
            return work.get();
        } finally {
            checking.release();
        }
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
        QuarkusTransaction.requiringNew().run(() -> ledger.record(AuditTrail.RULESET_REJECTED, null, principal, data));
    }

    /** The candidate made of the ruleset in service with some files replaced, added or removed. */
    public RulesetSnapshot overlay(Map<String, String> files, List<String> removed) {
        List<RulesetException.Error> errors = new java.util.ArrayList<>();
        if (files != null) {
            files.forEach((path, content) -> {
                checkPath(path, errors);
                if (content == null) {
                    errors.add(new RulesetException.Error(path, 0, 0,
                            "no content: give the file's text, or list its path under \"remove\" to drop it"));
                }
            });
        }
        if (removed != null) {
            removed.forEach(path -> {
                if (path == null) {
                    errors.add(new RulesetException.Error("(remove)", 0, 0, "a path to remove may not be null"));
                } else {
                    checkPath(path, errors);
                }
            });
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
        if (path == null || path.isBlank()) {
            errors.add(new RulesetException.Error("(path)", 0, 0, "a candidate file needs a path"));
            return;
        }
        boolean inside = path.startsWith(RulesetSnapshot.RULES_DIR + "/") || path.startsWith(RulesetSnapshot.CONFIG_DIR + "/");
        if (!inside || path.contains("..") || path.contains("\\") || path.endsWith("/")) {
            errors.add(new RulesetException.Error(path, 0, 0,
                    "a candidate file's path must be a file under rules/ or config/, without '..'"));
        }
    }
}
