package io.trucewatch.alerts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps the {@link OutboxTail} current: one thread reads the ledger's new events every poll
 * interval, for all stream clients together.
 */
@ApplicationScoped
public class OutboxFollower {

    private static final Logger LOG = Logger.getLogger(OutboxFollower.class);
    /** Events kept in memory (the newest); a client resuming from before them reads the database. */
    static final int KEPT = 2_000;
    private static final int BATCH = 500;

    @Inject
    WebhookConfig config;

    private volatile OutboxTail tail;
    private ScheduledExecutorService loop;

    void start(@Observes StartupEvent startup) {
        tail = new OutboxTail(KEPT, newestSeq(), OutboxFollower::load);
        loop = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-follower");
            thread.setDaemon(true);
            return thread;
        });
        loop.scheduleWithFixedDelay(this::follow, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (loop != null) {
            loop.shutdownNow();
        }
    }

    private void follow() {
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
