package io.trucewatch.kafka;

import static io.trucewatch.kafka.TopicReader.header;
import static io.trucewatch.kafka.TopicReader.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.trucewatch.incidents.Incident;
import io.trucewatch.incidents.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reports taken from Kafka, against a real broker: each valid one stored exactly once however
 * often it comes, each refused one on the dead-letter topic unchanged with its reasons, offsets
 * committed to the end; and nothing lost or doubled when the broker is killed mid-stream.
 */
@QuarkusTest
@TestProfile(KafkaEnabled.class)
class KafkaIntakeTest {

    private static final Duration WITHIN = Duration.ofSeconds(40);
    private static final ObjectMapper JSON = new ObjectMapper();
    // The contract (README, "Production: Kafka"), spelt out here rather than taken from the code.
    static final String ERRORS = "trucewatch-errors";
    static final String SOURCE = "trucewatch-source";

    @InjectKafkaBroker
    KafkaBroker broker;

    @BeforeEach
    void brokerInjected() {
        assertNotNull(broker, "KafkaTestResource injects the broker");
    }

    private KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Acknowledged before it returns: a record the test relies on is in the log. */
    private static void produce(KafkaProducer<byte[], byte[]> producer, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(KafkaEnabled.REPORTS, Reports.utf8(key), value)).get(30, TimeUnit.SECONDS);
    }

    private void awaitAllTaken() throws InterruptedException {
        CommittedOffsets.awaitAtEnd(broker, KafkaEnabled.REPORTS, KafkaEnabled.INTAKE_GROUP, WITHIN);
    }

    @Test
    void valid_reports_are_stored_once_and_refused_ones_are_dead_lettered_with_their_reasons() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            valid.add("kafka-intake-" + run + "-" + i);
        }
        // Key of a refused record -> its value, and the field its errors must name.
        Map<String, byte[]> refused = new LinkedHashMap<>();
        Map<String, String> refusedField = new LinkedHashMap<>();
        refused.put(run + "-not-json", Reports.utf8("this is not JSON {"));
        refusedField.put(run + "-not-json", "(body)");
        refused.put(run + "-no-external-id", Reports.bytes(Json.without(Reports.report("x", 1), "external_id")));
        refusedField.put(run + "-no-external-id", "external_id");
        refused.put(run + "-bad-latitude", Reports.bytes(Json.with(Reports.report(run + "-bad-latitude", 1),
                "latitude", 123.0)));
        refusedField.put(run + "-bad-latitude", "latitude");
        // Another report under a stored external_id: a conflict (409), refused as well.
        byte[] conflicting = Reports.bytes(Reports.report(valid.get(0), 99));

        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (String externalId : valid) {
                produce(producer, externalId, Reports.bytes(Reports.report(externalId, 1)));
            }
            for (String externalId : valid) {
                produce(producer, externalId, Reports.bytes(Reports.report(externalId, 1)));
            }
            for (Map.Entry<String, byte[]> bad : refused.entrySet()) {
                produce(producer, bad.getKey(), bad.getValue());
            }
            // Same key as the first report: same partition, so it is read after it.
            produce(producer, valid.get(0), conflicting);
        }
        awaitAllTaken();

        for (String externalId : valid) {
            assertEquals(1, Reports.storedWith(externalId), externalId + " stored exactly once");
        }
        Incident first = Reports.stored(valid.get(0));
        assertEquals("kafka:" + KafkaEnabled.REPORTS, first.submittedBy);
        assertEquals(1, first.currentVersion, "the conflicting report changed nothing");

        List<ConsumerRecord<byte[], byte[]>> letters;
        try (TopicReader reader = new TopicReader(broker, KafkaEnabled.DEAD_LETTERS)) {
            letters = reader.readUntil(records -> records.stream().filter(r -> key(r) != null
                    && (key(r).startsWith(run) || key(r).equals(valid.get(0)))).count() >= refused.size() + 1, WITHIN, "the 4 dead letters");
        }
        for (Map.Entry<String, byte[]> bad : refused.entrySet()) {
            ConsumerRecord<byte[], byte[]> letter = only(letters, bad.getKey());
            assertArrayEquals(bad.getValue(), letter.value(), "the original value, unchanged");
            assertTrue(fields(letter).contains(refusedField.get(bad.getKey())),
                    bad.getKey() + ": errors name " + refusedField.get(bad.getKey()) + ": " + header(letter, ERRORS));
            assertTrue(header(letter, SOURCE).matches("\\Q" + KafkaEnabled.REPORTS + "\\E-[01]@\\d+"),
                    "source is topic-partition@offset: " + header(letter, SOURCE));
        }
        ConsumerRecord<byte[], byte[]> conflict = only(letters, valid.get(0));
        assertArrayEquals(conflicting, conflict.value());
        String reasons = header(conflict, ERRORS) + " " + header(conflict, "trucewatch-problem");
        assertTrue(reasons.contains("external_id"), "the conflict's reasons name external_id: " + reasons);
        for (String externalId : valid.subList(1, valid.size())) {
            assertTrue(letters.stream().noneMatch(r -> externalId.equals(key(r))), externalId + " was not dead-lettered");
        }
    }

    @Test
    void a_broker_killed_mid_stream_loses_no_report_and_stores_none_twice() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> externalIds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            externalIds.add("kafka-crash-" + run + "-" + i);
        }
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (String externalId : externalIds.subList(0, 5)) {
                produce(producer, externalId, Reports.bytes(Reports.report(externalId, 2)));
            }
        }
        // Killed once the intake is under way: some reports stored, maybe not yet committed.
        awaitStored(externalIds.get(0));
        broker.kill();
        broker.restart();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (String externalId : externalIds) {
                // The second half, and the first half again (a producer's retry, say).
                produce(producer, externalId, Reports.bytes(Reports.report(externalId, 2)));
            }
        }
        awaitAllTaken();
        for (String externalId : externalIds) {
            assertEquals(1, Reports.storedWith(externalId), externalId + " stored exactly once");
        }
    }

    private static void awaitStored(String externalId) throws InterruptedException {
        Instant deadline = Instant.now().plus(WITHIN);
        while (Reports.storedWith(externalId) == 0) {
            assertTrue(Instant.now().isBefore(deadline), externalId + " not stored within " + WITHIN);
            Thread.sleep(50);
        }
    }

    private static ConsumerRecord<byte[], byte[]> only(List<ConsumerRecord<byte[], byte[]>> letters, String key) {
        List<ConsumerRecord<byte[], byte[]>> withKey = letters.stream().filter(r -> key.equals(key(r))).toList();
        assertEquals(1, withKey.size(), "dead letters with key " + key);
        return withKey.get(0);
    }

    /** The field names of a dead letter's errors header, which must be [{"field":..,"message":..}]. */
    private static List<String> fields(ConsumerRecord<byte[], byte[]> letter) throws Exception {
        JsonNode errors = JSON.readTree(header(letter, ERRORS));
        assertTrue(errors.isArray() && errors.size() > 0, "errors: " + errors);
        List<String> fields = new ArrayList<>();
        for (JsonNode error : errors) {
            assertTrue(error.path("message").isTextual(), "each error has a message: " + errors);
            fields.add(error.path("field").asText());
        }
        return fields;
    }
}
