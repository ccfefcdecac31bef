package io.trucewatch.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import io.trucewatch.alerts.OutboxEvent;
import io.trucewatch.background.BackgroundWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Publishes every outbox event to the events topic, at least once and in order per incident.
 * A round locks the cursor row, sends the events after it, waits until the broker has acknowledged
 * every one, and only then moves the cursor, in the same transaction: a crash or a broker outage
 * anywhere in between leaves the cursor where it was, and the next round sends the same events
 * again (consumers dedupe by webhook-id). The lock makes several instances publish one at a time.
 *
 * <p>The scheduler asks for a tick every poll interval (at most once a second, the resolution of
 * Quarkus's simple scheduler); the ticks run on a worker of their own, one at a time. Not on the
 * scheduler's threads: a round can wait long for a broker, and a shutdown interrupts it, which is
 * only safe on a thread the tick owns.
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
    private static final String POLL_JOB = "kafka-event-publisher";

    @Inject
    KafkaSettings settings;

    @Inject
    KafkaClients clients;

    @Inject
    MeterRegistry metrics;

    @Inject
    Scheduler scheduler;

    private final AtomicLong lag = new AtomicLong();
    /** A tick is asked for and has not started yet: further asks join it. */
    private final AtomicBoolean tickRequested = new AtomicBoolean();
    /** Runs the ticks, one at a time. */
    private ManagedExecutor publisher;
    /** Ticks only (and {@link #closeSender} once they are over). */
    private EventSender sender;

    /** Scheduled here, not with @Scheduled: only when Kafka is on. */
    void start(@Observes StartupEvent startup) {
        if (!settings.enabled()) {
            return;
        }
        metrics.gauge("trucewatch.kafka.publish.lag.events", lag);
        sender = new EventSender(clients::eventProducer, settings.eventsTopic());
        publisher = BackgroundWork.dedicatedWorkers(1);
        BackgroundWork.every(scheduler, POLL_JOB, settings.pollInterval(), this::requestTick);
        requestTick();
        LOG.infof("publishing outbox events to Kafka topic %s at %s", settings.eventsTopic(), settings.bootstrapServers());
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (publisher == null) {
            return;
        }
        scheduler.unscheduleJob(POLL_JOB);
        publisher.shutdownNow();
        // A round cut off here has not moved the cursor: its events are sent again after a restart.
        if (publisher.awaitTermination(10, TimeUnit.SECONDS)) {
            closeSender();
        }
    }

    private void requestTick() {
        if (!tickRequested.compareAndSet(false, true)) {
            return;
        }
        try {
            publisher.execute(this::publishNew);
        } catch (RejectedExecutionException e) {
            LOG.debug("shutting down: no further Kafka publishing round");
        }
    }

    /**
     * One tick: rounds until the outbox is published up to its newest event, or one fails. The
     * worker runs ticks one at a time but not always on the same pool thread; the monitor makes
     * each tick see the sender as the previous one left it.
     */
    private synchronized void publishNew() {
        tickRequested.set(false);
        try {
            while (!Thread.currentThread().isInterrupted() && publishRound() == BATCH) {
                // A full batch: more may be waiting.
            }
        } catch (RuntimeException e) {
            if (BackgroundWork.lockedByAnotherInstance(e)) {
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

    private synchronized void closeSender() {
        sender.close();
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
