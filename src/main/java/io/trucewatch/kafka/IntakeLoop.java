package io.trucewatch.kafka;

import io.trucewatch.web.ProblemException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 */
final class IntakeLoop implements Runnable {

    /** Stores one report; throws {@link ProblemException} when the service refuses it. */
    interface Store {
        void store(ConsumerRecord<byte[], byte[]> record);
    }

    private static final Logger LOG = Logger.getLogger(IntakeLoop.class);
    private static final Duration POLL = Duration.ofMillis(500);
    static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    /** Longer than the producer's delivery timeout, which ends every send first. */
    private static final long DEAD_LETTER_WAIT_MS = 2L * KafkaClients.DELIVERY_TIMEOUT_MS;

    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> deadLetters;
    private final String reportsTopic;
    private final String deadLetterTopic;
    private final Store store;
    private volatile boolean running = true;
    /** Loop thread only: offsets of records done (stored or dead-lettered) but not yet committed. */
    private final Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();

    IntakeLoop(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> deadLetters, String reportsTopic,
            String deadLetterTopic, Store store) {
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.reportsTopic = reportsTopic;
        this.deadLetterTopic = deadLetterTopic;
        this.store = store;
    }

    /** From any thread: the loop ends after the record it is taking; what is done is committed. */
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

    /** Takes the records in order; at the first that must be retried, rewinds to it and pauses. */
    private void take(ConsumerRecords<byte[], byte[]> batch) {
        List<TopicPartition> partitions = List.copyOf(batch.partitions());
        for (int p = 0; p < partitions.size(); p++) {
            TopicPartition partition = partitions.get(p);
            for (ConsumerRecord<byte[], byte[]> record : batch.records(partition)) {
                if (!running) {
                    rewind(batch, partitions, p, record.offset());
                    return;
                }
                try {
                    takeOne(record);
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
    private void takeOne(ConsumerRecord<byte[], byte[]> record) {
        try {
            store.store(record);
        } catch (ProblemException refused) {
            if (refused.status() >= 500) {
                // Not the report's fault (the service is busy): it is tried again, not dead-lettered.
                throw refused;
            }
            deadLetter(record, refused);
        }
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
