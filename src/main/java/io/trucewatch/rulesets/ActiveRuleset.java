package io.trucewatch.rulesets;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.trucewatch.audit.AuditTrail;
import io.trucewatch.audit.Ledger;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The ruleset in service. Loaded from {@code rules/} and {@code config/} on disk at start-up; a
 * ruleset that does not load stops the start, with every error's file and line in the message.
 * Callers take one {@link Ruleset} and keep it for the whole evaluation, so swapping in another
 * version never changes an evaluation half-way.
 */
@ApplicationScoped
public class ActiveRuleset {

    private static final Logger LOG = Logger.getLogger(ActiveRuleset.class);

    @ConfigProperty(name = "trucewatch.rules-dir")
    Path rulesDir;

    @ConfigProperty(name = "trucewatch.config-dir")
    Path configDir;

    @ConfigProperty(name = "trucewatch.rules.check-timeout", defaultValue = "120s")
    Duration checkTimeout;

    @Inject
    RulesetStore store;

    @Inject
    Ledger ledger;

    /**
     * The ruleset in service and the activation (by id, its own or followed) that put it there,
     * swapped together: a reader never sees one version with another's activation.
     */
    private record InService(Ruleset ruleset, long activation) {
    }

    private final AtomicReference<InService> inService = new AtomicReference<>();

    /** Observers that need the ruleset in service observe start-up after this priority. */
    public static final int LOADED = Interceptor.Priority.APPLICATION + 100;

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        long start = System.nanoTime();
        RulesetSnapshot snapshot = RulesetSnapshot.read(rulesDir, configDir);
        // Bounded like every other check: a start that cannot load its rules stops with a reason
        // instead of waiting forever.
        Loaded loaded = BoundedCheck.within(checkTimeout, "loading the ruleset at start-up", () -> load(snapshot));
        if (!loaded.scenarios().ok()) {
            throw new RulesetException(loaded.scenarios().failures());
        }
        long checked = System.nanoTime();
        Ruleset ruleset = loaded.ruleset();
        activate(ruleset, "system", RulesetActivation.Trigger.STARTUP);
        LOG.infof("ruleset %s in service: truces %s, %d files from %s and %s; compiled%s and %d scenarios passed "
                + "in %d ms, stored and activated in %d ms", ruleset.version(), ruleset.terms().truces().keySet(),
                ruleset.snapshot().files().size(), rulesDir.toAbsolutePath(), configDir.toAbsolutePath(),
                loaded.early() ? " while Quarkus started (waited)" : "", loaded.scenarios().run(),
                (checked - start) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
    }

    private record Loaded(Ruleset ruleset, ScenarioRunner.Result scenarios, boolean early) {
    }

    private Loaded load(RulesetSnapshot snapshot) {
        Optional<RulesetPreload.Checked> early = RulesetPreload.take(rulesDir, configDir, snapshot);
        if (early.isPresent()) {
            return new Loaded(early.get().ruleset(), early.get().scenarios(), true);
        }
        Ruleset ruleset = Ruleset.compile(snapshot);
        return new Loaded(ruleset, ScenarioRunner.run(ruleset), false);
    }

    /**
     * Stores the version's files (first use only), records the activation, then puts it in
     * service. The swap is one reference assignment: evaluations already holding the previous
     * ruleset finish on it.
     */
    void activate(Ruleset ruleset, String principal, RulesetActivation.Trigger trigger) {
        long activationId = QuarkusTransaction.requiringNew().call(() -> {
            boolean firstUse = store.store(ruleset.snapshot());
            RulesetActivation activation = new RulesetActivation();
            activation.version = ruleset.version();
            activation.activatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            activation.activatedBy = principal;
            activation.trigger = trigger.name();
            activation.persist();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("ruleset_version", ruleset.version());
            data.put("files", ruleset.snapshot().files().size());
            data.put("truces", ruleset.terms().truces().keySet().stream().sorted().toList());
            data.put("first_use", firstUse);
            data.put("trigger", trigger.name());
            ledger.record(AuditTrail.RULESET_ACTIVATED, null, principal, data);
            return activation.id;
        });
        putInService(ruleset, activationId);
    }

    /**
     * Puts into service a version another instance activated (recorded there, as activation
     * {@code activationId}): no new activation is recorded. An activation older than one this
     * instance already follows is ignored, so instances end on the newest one.
     */
    void follow(Ruleset ruleset, long activationId) {
        putInService(ruleset, activationId);
    }

    /** The newer activation wins, whichever thread (own activation or follower) gets there first. */
    private void putInService(Ruleset ruleset, long activationId) {
        inService.accumulateAndGet(new InService(ruleset, activationId),
                (now, offered) -> now == null || offered.activation() > now.activation() ? offered : now);
    }

    long newestActivation() {
        InService now = inService.get();
        return now == null ? 0 : now.activation();
    }

    public Ruleset get() {
        InService now = inService.get();
        if (now == null) {
            throw new IllegalStateException("no ruleset is in service yet");
        }
        return now.ruleset();
    }
}
