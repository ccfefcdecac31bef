package io.trucewatch.kafka;

import static io.trucewatch.kafka.TopicReader.header;
import static io.trucewatch.kafka.TopicReader.key;
import static io.trucewatch.kafka.TopicReader.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.trucewatch.alerts.Outbox;
import io.trucewatch.alerts.OutboxEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox published to Kafka, against a real broker: every event, keyed by incident, its value
 * the exact webhook payload, in commit order per key; and nothing lost when the broker is killed
 * and started again while reports keep coming.
 */
@QuarkusTest
@TestProfile(KafkaEnabled.class)
class KafkaEventsTest {

    private static final Duration WITHIN = Duration.ofSeconds(40);
    // The contract (README, "Production: Kafka"), spelt out here rather than taken from the code.
    static final String WEBHOOK_ID = "webhook-id";
    static final String EVENT_TYPE = "trucewatch-event-type";
    static final String SEQ = "trucewatch-seq";

    @InjectKafkaBroker
    KafkaBroker broker;

    @BeforeEach
    void brokerInjected() {
        assertNotNull(broker, "KafkaTestResource injects the broker");
    }

    /** Events of these incidents, as the outbox holds them, in sequence (commit) order. */
    static List<OutboxEvent> outboxEventsOf(Set<String> incidents) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>find(
                "incidentId in ?1 order by seq", incidents).list());
    }

    static List<OutboxEvent> allOutboxEvents() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>findAll(Sort.by("seq")).list());
    }

    static Set<String> webhookIds(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> header(r, WEBHOOK_ID)).collect(Collectors.toSet());
    }

    static Predicate<List<ConsumerRecord<byte[], byte[]>>> containsAll(List<OutboxEvent> events) {
        Set<String> wanted = events.stream().map(e -> e.eventId).collect(Collectors.toSet());
        return records -> webhookIds(records).containsAll(wanted);
    }

    @Test
    void every_event_arrives_keyed_by_its_incident_with_the_exact_payload_in_commit_order() {
        Set<String> incidents = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            String externalId = "kafka-events-" + UUID.randomUUID();
            String id = Reports.submit(Reports.report(externalId, 0));
            // Two corrections: three events about one incident, whose order per key can be checked.
            Reports.correct(id, Reports.report(externalId, 1));
            Reports.correct(id, Reports.report(externalId, 2));
            incidents.add(id);
        }
        List<OutboxEvent> written = outboxEventsOf(incidents);
        assertEquals(12, written.size(), "one verdict.created and two verdict.changed per incident");
        assertEquals(incidents, written.stream().filter(e -> e.type.equals(Outbox.VERDICT_CREATED))
                .map(e -> e.incidentId).collect(Collectors.toSet()));

        List<ConsumerRecord<byte[], byte[]>> published;
        try (TopicReader reader = new TopicReader(broker, KafkaEnabled.EVENTS)) {
            published = reader.readUntil(containsAll(written), WITHIN, "the 12 events");
        }
        Map<String, ConsumerRecord<byte[], byte[]>> byWebhookId = new LinkedHashMap<>();
        published.forEach(r -> byWebhookId.putIfAbsent(header(r, WEBHOOK_ID), r));
        for (OutboxEvent event : written) {
            ConsumerRecord<byte[], byte[]> record = byWebhookId.get(event.eventId);
            assertEquals(event.incidentId, key(record), "key of " + event.eventId);
            assertEquals(event.payload, value(record), "value of " + event.eventId + ": the webhook payload, byte for byte");
            assertEquals(event.type, header(record, EVENT_TYPE));
            assertEquals(String.valueOf(event.seq), header(record, SEQ));
        }
        for (String incident : incidents) {
            // One key, one partition: the order Kafka keeps is the order of the outbox. No broker
            // failed during this test, so no event was sent twice either.
            List<Long> expected = written.stream().filter(e -> e.incidentId.equals(incident)).map(e -> e.seq).toList();
            List<Long> inKafka = published.stream().filter(r -> incident.equals(key(r)))
                    .map(r -> Long.valueOf(header(r, SEQ))).toList();
            assertEquals(expected, inKafka, "events of incident " + incident + " in Kafka's order");
        }
    }

    @Test
    void a_broker_killed_mid_stream_loses_no_event_and_reorders_none() {
        Set<String> incidents = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            incidents.add(Reports.submit(Reports.report("kafka-kill-" + UUID.randomUUID(), i)));
        }
        broker.kill();
        // Submitting does not depend on Kafka: the events wait in the outbox.
        for (int i = 0; i < 5; i++) {
            incidents.add(Reports.submit(Reports.report("kafka-kill-" + UUID.randomUUID(), i)));
        }
        broker.restart();

        List<OutboxEvent> written = allOutboxEvents();
        List<ConsumerRecord<byte[], byte[]>> published;
        try (TopicReader reader = new TopicReader(broker, KafkaEnabled.EVENTS)) {
            published = reader.readUntil(containsAll(written), WITHIN, "every event of the outbox ("
                    + written.size() + ")");
        }
        // Duplicates are allowed after a failure; unknown ids are not.
        Set<String> outboxIds = allOutboxEvents().stream().map(e -> e.eventId).collect(Collectors.toSet());
        Set<String> publishedIds = webhookIds(published);
        assertTrue(outboxIds.containsAll(publishedIds), "every webhook-id in Kafka is an outbox event's id");

        Map<String, OutboxEvent> byId = written.stream().collect(Collectors.toMap(e -> e.eventId, e -> e));
        for (String incident : incidents) {
            List<Long> expected = written.stream().filter(e -> incident.equals(e.incidentId)).map(e -> e.seq).toList();
            assertEquals(1, expected.size(), "one verdict.created for " + incident);
            // Sent again after a failure, a run of events repeats from the cursor: taken at their
            // first appearance, the events of a key are in outbox order, with none missing.
            List<Long> firstAppearances = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : published) {
                if (incident.equals(key(record))) {
                    long seq = Long.parseLong(header(record, SEQ));
                    if (!firstAppearances.contains(seq)) {
                        firstAppearances.add(seq);
                    }
                    assertEquals(byId.get(header(record, WEBHOOK_ID)).payload, value(record),
                            "a resent event is the same payload");
                }
            }
            assertEquals(expected, firstAppearances, "events of incident " + incident);
        }
    }
}
