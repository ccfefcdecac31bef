package io.trucewatch.kafka;

import io.trucewatch.web.ProblemException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The intake's poll, take, commit loop, kept apart from CDI so that its retry logic can be run
 * against a broker on its own. Each record ends stored (or found stored already) or acknowledged
 * on the dead-letter topic; only then is its offset committed. When something other than the
 * record is at fault (the database, the dead-letter send), the record is read again after a pause.
 * <p>
 * The records of one poll are stored at once, on the given workers, so that their reports are
 * judged in parallel and share group commits as concurrent HTTP submissions do. Records of one
 * key are stored one after another, in offset order (a correction after its report, a conflicting
 * report after the one it conflicts with), and not at all after one of their key that must be
 * retried. Outcomes are then taken in offset order, so a record is committed only when every
 * record before it in its partition is done; a record of another key stored after one that must be
 * retried is read again with it and changes nothing (its external_id is stored already).
 */
final class IntakeLoop implements Runnable {

    /** Stores one report; throws {@link ProblemException} when the service refuses it. */
    interface Store {
        void store(ConsumerRecord<byte[], byte[]> record);
    }

    private static final Logger LOG = Logger.getLogger(IntakeLoop.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    private static final Duration POLL = Duration.ofMillis(500);
    static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    /** Longer than the producer's delivery timeout, which ends every send first. */
    private static final long DEAD_LETTER_WAIT_MS = 2L * KafkaClients.DELIVERY_TIMEOUT_MS;

    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> deadLetters;
    private final String reportsTopic;
    private final String deadLetterTopic;
    private final Store store;
    private final Executor workers;
    private volatile boolean running = true;
    /** Loop thread only: offsets of records done (stored or dead-lettered) but not yet committed. */
    private final Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();

    IntakeLoop(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> deadLetters, String reportsTopic,
            String deadLetterTopic, Store store, Executor workers) {
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.reportsTopic = reportsTopic;
        this.deadLetterTopic = deadLetterTopic;
        this.store = store;
        this.workers = workers;
    }

    /** From any thread: the loop ends after the poll it is taking; what is done is committed. */
    void stop() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(reportsTopic), new CommitOnRevoke());
            while (running) {
                try {
                    take(consumer.poll(POLL));
                    commitDone();
                } catch (WakeupException e) {
                    // stop(): the loop ends.
                } catch (RuntimeException e) {
                    // Polling or committing failed (broker away, group rebalancing): records not
                    // committed are read again, here or by another instance.
                    LOG.warnf("taking reports from Kafka failed (%s); trying again in %d ms",
                            EventPublisher.describe(e), RETRY_PAUSE.toMillis());
                    pause();
                }
            }
        } catch (RuntimeException e) {
            LOG.error("the Kafka report intake stopped", e);
        } finally {
            close();
        }
    }

    /**
     * Stores the poll's records at once and waits for all of them; then takes their outcomes in
     * order, and at the first that must be retried rewinds to it and pauses.
     */
    private void take(ConsumerRecords<byte[], byte[]> batch) {
        if (!running) {
            rewindAll(batch);
            return;
        }
        Map<ConsumerRecord<byte[], byte[]>, CompletableFuture<Void>> stored = new IdentityHashMap<>();
        Map<ByteBuffer, CompletableFuture<Void>> lastOfKey = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            ByteBuffer key = record.key() == null ? null : ByteBuffer.wrap(record.key());
            CompletableFuture<Void> before = key == null ? DONE : lastOfKey.getOrDefault(key, DONE);
            CompletableFuture<Void> mine = before.handle((ok, failed) -> failed == null || refusal(failed) != null)
                    .thenAcceptAsync(go -> {
                        if (!go) {
                            throw new IllegalStateException("an earlier report of its key is to be read again first");
                        }
                        store.store(record);
                    }, workers);
            stored.put(record, mine);
            if (key != null) {
                lastOfKey.put(key, mine);
            }
        }
        // Every store has ended before any outcome is acted on: nothing is left running on a rewind.
        CompletableFuture.allOf(stored.values().toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        List<TopicPartition> partitions = List.copyOf(batch.partitions());
        for (int p = 0; p < partitions.size(); p++) {
            TopicPartition partition = partitions.get(p);
            for (ConsumerRecord<byte[], byte[]> record : batch.records(partition)) {
                try {
                    takeOutcome(record, stored.get(record));
                } catch (RuntimeException e) {
                    LOG.warnf("report %s could not be stored or dead-lettered (%s); reading it again in %d ms",
                            DeadLetters.source(record), EventPublisher.describe(e), RETRY_PAUSE.toMillis());
                    rewind(batch, partitions, p, record.offset());
                    commitQuietly();
                    pause();
                    return;
                }
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
    }

    /** Stored, found stored already, or acknowledged on the dead-letter topic; throws otherwise. */
    private void takeOutcome(ConsumerRecord<byte[], byte[]> record, CompletableFuture<Void> stored) {
        try {
            stored.join();
        } catch (CompletionException e) {
            ProblemException refused = refusal(e);
            if (refused != null) {
                deadLetter(record, refused);
                return;
            }
            // Not the report's fault (the database, the service busy): it is tried again, not dead-lettered.
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The service's refusal of the report itself (a 4xx), which is final; null for any other failure. */
    private static ProblemException refusal(Throwable failure) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        return cause instanceof ProblemException refused && refused.status() < 500 ? refused : null;
    }

    private void deadLetter(ConsumerRecord<byte[], byte[]> record, ProblemException refused) {
        try {
            deadLetters.send(DeadLetters.of(deadLetterTopic, record, refused))
                    .get(DEAD_LETTER_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaSendFailed("the dead letter was not acknowledged", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaSendFailed("interrupted while dead-lettering", e);
        }
        LOG.infof("report %s refused (%s); sent to %s", DeadLetters.source(record), refused.getMessage(),
                deadLetterTopic);
    }

    /**
     * poll() has moved past every record of the batch: each partition not finished is set back to
     * its first record not taken, so that the next poll returns it again.
     */
    private void rewind(ConsumerRecords<byte[], byte[]> batch, List<TopicPartition> partitions, int stoppedAt,
            long offset) {
        consumer.seek(partitions.get(stoppedAt), offset);
        for (int p = stoppedAt + 1; p < partitions.size(); p++) {
            consumer.seek(partitions.get(p), batch.records(partitions.get(p)).get(0).offset());
        }
    }

    /** Asked to stop before taking anything: the whole poll is read again at the next start. */
    private void rewindAll(ConsumerRecords<byte[], byte[]> batch) {
        for (TopicPartition partition : batch.partitions()) {
            consumer.seek(partition, batch.records(partition).get(0).offset());
        }
    }

    private void commitDone() {
        if (!done.isEmpty()) {
            consumer.commitSync(done);
            done.clear();
        }
    }

    /** Commits what is done before a pause; a failure here only means those records are read again. */
    private void commitQuietly() {
        try {
            commitDone();
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.debugf("committing offsets before a retry failed: %s", EventPublisher.describe(e));
        }
    }

    private void close() {
        try {
            commitDone();
        } catch (RuntimeException e) {
            LOG.debugf("last offset commit failed; those reports are read again at the next start: %s",
                    EventPublisher.describe(e));
        }
        try {
            // Bounded: a broker that is down must not hold up shutdown for the client's default 30 s.
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        } catch (RuntimeException e) {
            LOG.debug("closing the Kafka consumer", e);
        }
        try {
            deadLetters.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.debug("closing the dead-letter producer", e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * Before partitions go to another instance, what was done here is committed, so that the new
     * owner does not read it again; offsets of partitions no longer ours are never committed later.
     */
    private final class CommitOnRevoke implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            commitQuietly();
            done.keySet().removeAll(revoked);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            // Already another instance's: committing would fail; those records are read again there.
            done.keySet().removeAll(lost);
        }
    }
}
