package io.trucewatch.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.trucewatch.alerts.OutboxEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Publishes every outbox event to the events topic, at least once and in order per incident.
 * A round locks the cursor row, sends the events after it, waits until the broker has acknowledged
 * every one, and only then moves the cursor, in the same transaction: a crash or a broker outage
 * anywhere in between leaves the cursor where it was, and the next round sends the same events
 * again (consumers dedupe by webhook-id). The lock makes several instances publish one at a time.
 */
@ApplicationScoped
public class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);
    static final int BATCH = 500;
    /** After a failed round; the next one starts again from the cursor. */
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    /**
     * The round's transaction (it holds the cursor lock while the broker acknowledges) must outlive
     * the producer's own bounded waits, or a slow broker would look like a database failure.
     */
    private static final int ROUND_TIMEOUT_SECONDS = 4 * KafkaClients.DELIVERY_TIMEOUT_MS / 1000;

    @Inject
    KafkaSettings settings;

    @Inject
    KafkaClients clients;

    @Inject
    MeterRegistry metrics;

    private final AtomicLong lag = new AtomicLong();
    private ScheduledExecutorService loop;
    /** Publisher thread only. */
    private EventSender sender;

    void start(@Observes StartupEvent startup) {
        if (!settings.enabled()) {
            return;
        }
        metrics.gauge("trucewatch.kafka.publish.lag.events", lag);
        sender = new EventSender(clients::eventProducer, settings.eventsTopic());
        loop = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kafka-event-publisher");
            thread.setDaemon(true);
            return thread;
        });
        loop.scheduleWithFixedDelay(this::publishNew, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        LOG.infof("publishing outbox events to Kafka topic %s at %s", settings.eventsTopic(), settings.bootstrapServers());
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (loop == null) {
            return;
        }
        loop.shutdownNow();
        // A round cut off here has not moved the cursor: its events are sent again after a restart.
        if (loop.awaitTermination(10, TimeUnit.SECONDS)) {
            sender.close();
        }
    }

    /** One tick: rounds until the outbox is published up to its newest event, or one fails. */
    private void publishNew() {
        try {
            while (!Thread.currentThread().isInterrupted() && publishRound() == BATCH) {
                // A full batch: more may be waiting.
            }
        } catch (RuntimeException e) {
            if (lockedByAnotherInstance(e)) {
                // Not a failure: another instance is publishing (its round holds the cursor row).
                LOG.debugf("the Kafka cursor is locked by another instance: %s", describe(e));
                return;
            }
            LOG.warnf("publishing outbox events to Kafka topic %s failed (%s); retrying from the cursor in %d ms",
                    settings.eventsTopic(), describe(e), RETRY_PAUSE.toMillis());
            sender.discardProducer();
            pause();
        }
    }

    /** Publishes up to {@link #BATCH} events after the cursor; says how many. */
    int publishRound() {
        // Without a lock first: a round with nothing new costs two indexed reads and writes nothing.
        Progress progress = QuarkusTransaction.requiringNew().call(() -> new Progress(
                OutboxEvent.find("select max(seq) from OutboxEvent").project(Long.class).firstResult(),
                KafkaCursor.<KafkaCursor>findById(KafkaCursor.ONLY).publishedSeq));
        lag.set(progress.lag());
        if (progress.lag() == 0) {
            return 0;
        }
        return QuarkusTransaction.requiringNew().timeout(ROUND_TIMEOUT_SECONDS).call(() -> {
            KafkaCursor cursor = KafkaCursor.findById(KafkaCursor.ONLY, LockModeType.PESSIMISTIC_WRITE);
            List<OutboxEvent> events = OutboxEvent.<OutboxEvent>find("seq > ?1 order by seq", cursor.publishedSeq)
                    .page(0, BATCH).list();
            if (events.isEmpty()) {
                return 0;
            }
            sender.sendAll(events);
            cursor.publishedSeq = events.get(events.size() - 1).seq;
            lag.set(Math.max(0, progress.newest() - cursor.publishedSeq));
            return events.size();
        });
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean lockedByAnotherInstance(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PessimisticLockException || cause instanceof LockTimeoutException) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e) : e + ", caused by " + root;
    }

    private record Progress(Long newest, long published) {

        long lag() {
            return newest == null ? 0 : Math.max(0, newest - published);
        }
    }
}
