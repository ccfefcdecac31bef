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
 *
 * <p>Intake comes first: while reports keep arriving, the follower spends at most
 * {@code trucewatch.patterns.max-share} of the wall clock in rounds (after a round of d seconds it
 * waits d(1 - share)/share before the next), so patterns trail a burst and catch up after it
 * rather than slow the intake. When nothing new arrived during a round it goes on at once, and a
 * pause ends at the first tick that finds no report arrived since the one before.
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

    @ConfigProperty(name = "trucewatch.patterns.max-share", defaultValue = "0.2")
    double maxShare;

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
    /** No round before this System.nanoTime(): the pause that keeps the follower to its share. */
    private volatile long yieldUntil = System.nanoTime();
    /** The newest report change seen when the pause began or at its last tick. */
    private volatile long seenWhenPaused;

    void start(@Observes StartupEvent startup) {
        if (!enabled) {
            return;
        }
        if (!(maxShare > 0 && maxShare <= 1)) {
            throw new IllegalArgumentException("trucewatch.patterns.max-share must be in (0, 1], not " + maxShare);
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

    /**
     * Rounds until the outbox is followed to its newest event, or one fails, or reports arriving
     * meanwhile call for a pause (then the next tick after it goes on).
     */
    private void followUp() {
        tickRequested.set(false);
        try {
            long newest = QuarkusTransaction.requiringNew().call(round::newestReportChange);
            if (System.nanoTime() - yieldUntil < 0 && newest != seenWhenPaused) {
                // Still pausing, and reports are still arriving: next tick. When none arrived over
                // a whole interval the intake has stopped, and the pause ends there.
                seenWhenPaused = newest;
                return;
            }
            lag.set(QuarkusTransaction.requiringNew().call(round::lag));
            while (lag.get() > 0 && !Thread.currentThread().isInterrupted()) {
                long began = System.nanoTime();
                int taken = QuarkusTransaction.requiringNew().timeout(ROUND_TIMEOUT_SECONDS).call(round::takeNext);
                long took = System.nanoTime() - began;
                long newestNow = QuarkusTransaction.requiringNew().call(round::newestReportChange);
                lag.set(QuarkusTransaction.requiringNew().call(round::lag));
                if (newestNow != newest) {
                    // Reports arrived while the round ran: give the intake the rest of the time.
                    yieldUntil = System.nanoTime() + pauseAfter(took);
                    seenWhenPaused = newestNow;
                    return;
                }
                if (taken == 0) {
                    return;
                }
            }
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

    /** The wait after a round of {@code tookNanos} that keeps the rounds to {@link #maxShare} of the time. */
    long pauseAfter(long tookNanos) {
        return (long) (tookNanos * (1 - maxShare) / maxShare);
    }
}
