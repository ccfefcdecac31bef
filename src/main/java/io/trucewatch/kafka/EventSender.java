package io.trucewatch.kafka;

import io.trucewatch.alerts.OutboxEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Sends runs of outbox events to the events topic and says only "all acknowledged" or throws.
 * Kept apart from CDI and the database so that its failure handling can be run against a broker
 * on its own. One thread at a time (the publisher's).
 */
final class EventSender implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventSender.class);

    private final Supplier<Producer<String, byte[]>> producers;
    private final String topic;
    private Producer<String, byte[]> producer;

    EventSender(Supplier<Producer<String, byte[]>> producers, String topic) {
        this.producers = producers;
        this.topic = topic;
    }

    /** Returns once the broker has acknowledged every event; throws if any was not. */
    void sendAll(List<OutboxEvent> events) {
        try {
            Producer<String, byte[]> sender = producer();
            List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
            for (OutboxEvent event : events) {
                Future<RecordMetadata> acknowledgement = sender.send(EventRecords.of(topic, event));
                if (acknowledgement.isDone()) {
                    // Refused before it was queued (no metadata in time, too large): the events
                    // after it must not be sent, or they would reach the topic before its retry.
                    acknowledgement.get();
                }
                sent.add(acknowledgement);
            }
            sender.flush();
            for (Future<RecordMetadata> acknowledgement : sent) {
                acknowledgement.get();
            }
        } catch (ExecutionException e) {
            discardProducer();
            throw new KafkaSendFailed("the broker did not acknowledge an event", e.getCause());
        } catch (InterruptedException e) {
            discardProducer();
            Thread.currentThread().interrupt();
            throw new KafkaSendFailed("interrupted while waiting for the broker", e);
        } catch (RuntimeException e) {
            discardProducer();
            throw e;
        }
    }

    /**
     * Called on any failure, including one after the sends (the cursor could not be moved): the
     * producer may still hold sends of the failed run, and closed at once it drops them, so that
     * they can never reach the topic after the retried run's (order per incident).
     */
    void discardProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("closing the failed Kafka producer", e);
            }
            producer = null;
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }
}
