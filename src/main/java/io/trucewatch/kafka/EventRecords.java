package io.trucewatch.kafka;

import io.trucewatch.alerts.OutboxEvent;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;

/** How an outbox event looks on the events topic (README, "Production: Kafka"). */
final class EventRecords {

    /** The event id: the same as the webhooks' header, so consumers dedupe both the same way. */
    static final String WEBHOOK_ID = "webhook-id";
    static final String EVENT_TYPE = "trucewatch-event-type";
    /** The outbox sequence number: tells a consumer where a redelivered run of events starts again. */
    static final String SEQ = "trucewatch-seq";

    private EventRecords() {
    }

    static ProducerRecord<String, byte[]> of(String topic, OutboxEvent event) {
        // Keyed by incident: one incident's events share a partition, so they are read in the
        // order they happened. An event about no incident is keyed by its type, for the same reason.
        String key = event.incidentId != null ? event.incidentId : event.type;
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key,
                event.payload.getBytes(StandardCharsets.UTF_8));
        record.headers().add(WEBHOOK_ID, utf8(event.eventId));
        record.headers().add(EVENT_TYPE, utf8(event.type));
        record.headers().add(SEQ, utf8(String.valueOf(event.seq)));
        return record;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
