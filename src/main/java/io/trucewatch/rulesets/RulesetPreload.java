package io.trucewatch.rulesets;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Compiles and checks the ruleset on disk while Quarkus starts. Compiling (≈ 1.5 s on this
 * machine) needs nothing Quarkus starts — no database, no HTTP — and the boot leaves the second
 * core idle, so the packaged service begins it from {@code main} (see {@link io.trucewatch.Main}).
 *
 * <p>It is only a head start: {@link ActiveRuleset} reads the files itself and takes the result
 * only if it was made from the same directories and the same content (same version); otherwise,
 * or if the early attempt failed, it compiles as if there had been none and reports any error.
 */
public final class RulesetPreload {

    private static final Logger LOG = Logger.getLogger(RulesetPreload.class);

    record Checked(Ruleset ruleset, ScenarioRunner.Result scenarios) {
    }

    private record Started(Path rulesDir, Path configDir, CompletableFuture<Checked> result) {
    }

    private static volatile Started started;

    private RulesetPreload() {
    }

    public static void start(Path rulesDir, Path configDir) {
        CompletableFuture<Checked> result = new CompletableFuture<>();
        // A thread of its own: this runs in main() before Quarkus starts, when there is no CDI, no
        // managed executor and no worker pool to run on. Daemon, so that a start that fails is not
        // kept waiting for a compile nobody will take.
        Thread thread = new Thread(() -> {
            try {
                Ruleset ruleset = Ruleset.compile(RulesetSnapshot.read(rulesDir, configDir));
                result.complete(new Checked(ruleset, ScenarioRunner.run(ruleset)));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, "ruleset-preload");
        thread.setDaemon(true);
        started = new Started(normal(rulesDir), normal(configDir), result);
        thread.start();
    }

    /** The early result, if there was one for these directories and this content; taken once. */
    static Optional<Checked> take(Path rulesDir, Path configDir, RulesetSnapshot snapshot) {
        Started early = started;
        started = null;
        if (early == null || !early.rulesDir().equals(normal(rulesDir)) || !early.configDir().equals(normal(configDir))) {
            return Optional.empty();
        }
        try {
            Checked checked = early.result().join();
            if (!checked.ruleset().version().equals(snapshot.version())) {
                LOG.info("the rule files changed while starting: compiling them again");
                return Optional.empty();
            }
            return Optional.of(checked);
        } catch (RuntimeException e) {
            // Compiled again below, where a broken ruleset stops the start with its errors.
            return Optional.empty();
        }
    }

    private static Path normal(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
