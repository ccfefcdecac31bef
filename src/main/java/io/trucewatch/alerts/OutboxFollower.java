package io.trucewatch.alerts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import io.trucewatch.background.BackgroundWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Keeps the {@link OutboxTail} current: one scheduled job reads the ledger's new events every poll
 * interval (at most once a second: {@link BackgroundWork#schedulerInterval}), for all stream
 * clients together, and every commit that wrote events nudges a round at once (events another
 * instance wrote arrive with the next interval). The scheduler skips a round while the previous one runs, so the tail is
 * followed by one round at a time.
 */
@ApplicationScoped
public class OutboxFollower {

    private static final Logger LOG = Logger.getLogger(OutboxFollower.class);
    /** Events kept in memory (the newest); a client resuming from before them reads the database. */
    static final int KEPT = 2_000;
    private static final int BATCH = 500;
    private static final String JOB = "outbox-follower";

    @Inject
    WebhookConfig config;

    @Inject
    Scheduler scheduler;

    @Inject
    ManagedExecutor executor;

    private volatile OutboxTail tail;
    private volatile boolean stopped;
    /** A nudge waiting to run: later nudges before it runs are absorbed by it. */
    private final AtomicBoolean nudged = new AtomicBoolean();

    void start(@Observes StartupEvent startup) {
        tail = new OutboxTail(KEPT, newestSeq(), OutboxFollower::load);
        // Scheduled here, not with @Scheduled: the scheduler starts before the startup observers,
        // and a round before the tail exists would have nothing to follow.
        BackgroundWork.every(scheduler, JOB, config.pollInterval(), this::follow);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopped = true;
        scheduler.unscheduleJob(JOB);
    }

    /**
     * Called after a transaction that wrote events commits: reads them now rather than at the next
     * interval (the scheduler polls at most once a second), so stream clients see an event within
     * milliseconds. Nudges coalesce into one extra round.
     */
    void nudge() {
        if (tail != null && !stopped && nudged.compareAndSet(false, true)) {
            executor.runAsync(() -> {
                nudged.set(false);
                follow();
            });
        }
    }

    /** One round at a time, scheduled or nudged: the tail has one follower. */
    private synchronized void follow() {
        if (stopped) {
            // A round fired just before the job was unscheduled: the database may be closing.
            return;
        }
        try {
            tail.follow(BATCH);
        } catch (RuntimeException e) {
            LOG.warn("reading the outbox's new events failed; trying again at the next interval", e);
        }
    }

    /** Up to {@code max} events after {@code cursor}, in commit order. */
    public List<OutboxEvent> after(long cursor, int max) {
        return tail.after(cursor, max);
    }

    /** The newest event read: where a stream without Last-Event-ID starts. */
    public long newest() {
        return tail.followed();
    }

    private static long newestSeq() {
        Long newest = QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.find("select max(seq) from OutboxEvent").project(Long.class).firstResult());
        return newest == null ? 0 : newest;
    }

    private static List<OutboxEvent> load(long after, int max) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>find("seq > ?1 order by seq", after)
                .page(0, max).list());
    }
}
