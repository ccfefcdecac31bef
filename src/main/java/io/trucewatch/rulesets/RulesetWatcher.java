package io.trucewatch.rulesets;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.trucewatch.background.BackgroundWork;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Watches {@code rules/} and {@code config/} and reloads when they change, once the files have been
 * quiet for {@code trucewatch.rules.watch-quiet-ms} (an editor's save, or a {@code git pull}, is
 * many events). The reload goes through the same checks as {@code POST /api/rulesets/reload}: a
 * bad edit is rejected and audited, and the ruleset in service keeps serving.
 */
@ApplicationScoped
public class RulesetWatcher {

    private static final Logger LOG = Logger.getLogger(RulesetWatcher.class);
    /** A reload under way when the service stops is let finish: it records its activation in the database. */
    private static final long STOP_WAIT_SECONDS = 10;

    @ConfigProperty(name = "trucewatch.rules.watch", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "trucewatch.rules.watch-quiet-ms", defaultValue = "500")
    long quietMillis;

    @ConfigProperty(name = "trucewatch.rules-dir")
    Path rulesDir;

    @ConfigProperty(name = "trucewatch.config-dir")
    Path configDir;

    @Inject
    RulesetLifecycle lifecycle;

    private WatchService watcher;
    /** One worker, held by the watch loop for as long as the service runs. */
    private ManagedExecutor watching;

    /** After the ruleset is in service: a change can only be compared with a version in service. */
    void start(@Observes @Priority(ActiveRuleset.LOADED) StartupEvent startup) throws IOException {
        if (!enabled) {
            return;
        }
        watcher = FileSystems.getDefault().newWatchService();
        register(rulesDir);
        register(configDir);
        watching = BackgroundWork.dedicatedWorkers(1);
        watching.execute(this::watch);
        LOG.infof("watching %s and %s for changes", rulesDir.toAbsolutePath(), configDir.toAbsolutePath());
    }

    void stop(@Observes ShutdownEvent shutdown) throws IOException, InterruptedException {
        if (watcher != null) {
            watcher.close(); // the loop's take() or poll() ends with ClosedWatchServiceException
        }
        if (watching == null) {
            return;
        }
        watching.shutdown();
        if (!watching.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            LOG.warnf("a reload after a file change was still running %d s after shutdown began", STOP_WAIT_SECONDS);
        }
    }

    private void register(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void watch() {
        try {
            while (true) {
                WatchKey first = watcher.take();
                drain(first);
                // Wait for quiet: keep draining until no event arrives for quietMillis.
                for (WatchKey next = watcher.poll(quietMillis, TimeUnit.MILLISECONDS); next != null;
                        next = watcher.poll(quietMillis, TimeUnit.MILLISECONDS)) {
                    drain(next);
                }
                reload();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // stop(): the loop ends. Not an interrupt, so none is passed on to the pool's thread.
        }
    }

    private void drain(WatchKey key) {
        key.pollEvents().forEach(event -> {
            if (event.context() instanceof Path name && key.watchable() instanceof Path dir) {
                Path changed = dir.resolve(name);
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
                    try {
                        register(changed);
                    } catch (IOException e) {
                        LOG.warnf("cannot watch new directory %s: %s", changed, e.getMessage());
                    }
                }
            }
        });
        key.reset();
    }

    private void reload() {
        try {
            RulesetLifecycle.Reload result = lifecycle.reload("file-watcher", RulesetActivation.Trigger.FILE_WATCHER);
            if (result.changed()) {
                LOG.infof("files changed: ruleset %s in service", result.activeVersion());
            }
        } catch (RulesetException e) {
            // Already audited and logged by the lifecycle; the ruleset in service keeps serving.
        } catch (RuntimeException e) {
            LOG.error("reload after a file change failed; the ruleset in service keeps serving", e);
        }
    }
}
