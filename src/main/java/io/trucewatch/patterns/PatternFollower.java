package io.trucewatch.patterns;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import io.trucewatch.background.BackgroundWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Finds patterns as reports are judged, corrected and reviewed: every interval, rounds of
 * {@link PatternRound} until the outbox is followed up to its newest event. The rounds run on a
 * worker of their own, one at a time; the cursor row's lock makes several instances take turns.
 * On by default; {@code trucewatch.patterns.enabled=false} turns it off.
 */
@ApplicationScoped
public class PatternFollower {

    private static final Logger LOG = Logger.getLogger(PatternFollower.class);
    private static final String JOB = "pattern-follower";
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    /** A round behind a burst of reports takes thousands of them at once: more than the default minute. */
    private static final int ROUND_TIMEOUT_SECONDS = 600;

    @ConfigProperty(name = "trucewatch.patterns.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "trucewatch.patterns.interval", defaultValue = "5s")
    Duration interval;

    @Inject
    PatternRound round;

    @Inject
    Scheduler scheduler;

    @Inject
    MeterRegistry metrics;

    /** Outbox events not yet taken (trucewatch_patterns_lag_events): how far patterns trail reports. */
    private final AtomicLong lag = new AtomicLong();

    private final AtomicBoolean tickRequested = new AtomicBoolean();
    private ManagedExecutor worker;

    void start(@Observes StartupEvent startup) {
        if (!enabled) {
            return;
        }
        metrics.gauge("trucewatch.patterns.lag.events", lag);
        worker = BackgroundWork.dedicatedWorkers(1);
        BackgroundWork.every(scheduler, JOB, interval, this::requestTick);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (worker == null) {
            return;
        }
        scheduler.unscheduleJob(JOB);
        worker.shutdownNow();
        // A round cut off here has not moved the cursor: the next start takes its changes again.
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void requestTick() {
        if (!tickRequested.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(this::followUp);
        } catch (RejectedExecutionException e) {
            LOG.debug("shutting down: no further pattern round");
        }
    }

    /** Rounds until the outbox is followed to its newest event, or one fails. */
    private void followUp() {
        tickRequested.set(false);
        try {
            lag.set(QuarkusTransaction.requiringNew().call(round::lag));
            if (lag.get() == 0) {
                return;
            }
            int taken;
            do {
                taken = QuarkusTransaction.requiringNew().timeout(ROUND_TIMEOUT_SECONDS).call(round::takeNext);
                lag.set(Math.max(0, lag.get() - taken));
            } while (!Thread.currentThread().isInterrupted() && taken == PatternRound.BATCH);
        } catch (RuntimeException e) {
            if (BackgroundWork.lockedByAnotherInstance(e)) {
                LOG.debugf("the pattern cursor is locked by another instance: %s", e);
                return;
            }
            LOG.warnf(e, "finding patterns failed; retrying from the cursor in %d ms", RETRY_PAUSE.toMillis());
            try {
                Thread.sleep(RETRY_PAUSE.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
