package io.trucewatch.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Makes the Kafka clients. Settings the service depends on for its guarantees are fixed here and
 * win over anything configured; everything else (TLS, SASL, client tuning) comes from Quarkus's
 * usual {@code kafka.*} properties (env: {@code KAFKA_*}), passed on as they are.
 */
@ApplicationScoped
public class KafkaClients {

    /** The consumer group of every instance's report intake: together they read each record once. */
    public static final String INTAKE_GROUP = "trucewatch-intake";

    /** A send not acknowledged within this fails, so a round holding the cursor lock ends (see EventPublisher). */
    static final int DELIVERY_TIMEOUT_MS = 30_000;

    @Inject
    KafkaSettings settings;

    /** Quarkus's kafka.* properties (quarkus-kafka-client); absent when none are set. */
    @Inject
    @Identifier("default-kafka-broker")
    Instance<Map<String, Object>> configured;

    /** Outbox events: key incident id (text), value the payload bytes. */
    KafkaProducer<String, byte[]> eventProducer() {
        return new KafkaProducer<>(producerConfig(passedOn(), settings.bootstrapServers()), new StringSerializer(),
                new ByteArraySerializer());
    }

    /** Dead letters: the original key and value bytes, untouched. */
    KafkaProducer<byte[], byte[]> deadLetterProducer() {
        return new KafkaProducer<>(producerConfig(passedOn(), settings.bootstrapServers()), new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    KafkaConsumer<byte[], byte[]> reportConsumer() {
        return new KafkaConsumer<>(consumerConfig(passedOn(), settings.bootstrapServers()), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    private Map<String, Object> passedOn() {
        return configured.isResolvable() ? configured.get() : Map.of();
    }

    /**
     * At least once and in order per partition: the broker deduplicates the producer's own retries
     * (idempotence) and every in-sync replica has a record before it counts as sent (acks=all).
     */
    static Map<String, Object> producerConfig(Map<String, Object> passedOn, String bootstrapServers) {
        Map<String, Object> config = new HashMap<>(passedOn);
        // The Quarkus map names a consumer group (the application's name); a producer has none.
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // At most 5 with idempotence, or order within a partition is no longer kept across retries.
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        // Bounded waits: a broker that is down fails a round within seconds instead of the
        // client's default two minutes, and the round is retried from the cursor.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return config;
    }

    static Map<String, Object> consumerConfig(Map<String, Object> passedOn, String bootstrapServers) {
        Map<String, Object> config = new HashMap<>(passedOn);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, INTAKE_GROUP);
        // Offsets are committed by ReportIntake only once a record is stored or dead-lettered.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group starts at the oldest report still on the topic: none is skipped.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        // Reports from a transactional producer count once its transaction committed.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // commitSync and the like give up after this instead of a minute, so that shutdown and
        // retries are not held up by a broker that is down.
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        return config;
    }
}
