package io.trucewatch.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The intake stores a poll's records in parallel: against a real broker, with a store that takes a
 * random while, the records of each key are still stored in the order they were produced, a
 * record that must be retried holds back the later records of its key (never those stored before
 * it), and everything taken is committed.
 */
class IntakeLoopOrderTest {

    private static final int RECORDS = 400;
    private static final int KEYS = 7;
    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final int SETUP_DELIVERY_TIMEOUT_MS = 120_000;

    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new KafkaBroker().start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void records_of_one_key_are_stored_in_the_order_produced() throws Exception {
        Map<String, List<Integer>> stored = run("in-order", -1);
        for (Map.Entry<String, List<Integer>> key : stored.entrySet()) {
            assertAscendingAndComplete(key.getKey(), firstOccurrences(key.getValue()));
        }
    }

    @Test
    void a_record_to_retry_holds_back_the_rest_of_its_key_only() throws Exception {
        int failsOnce = 123;
        Map<String, List<Integer>> stored = run("retry", failsOnce);
        String keyOfFailure = key(failsOnce);
        // Nothing of that key was stored out of turn, nor twice: the later ones waited for it.
        assertAscendingAndComplete(keyOfFailure, stored.get(keyOfFailure));
        for (Map.Entry<String, List<Integer>> key : stored.entrySet()) {
            // Other keys may see a record again after the rewind (the service ignores a repeat);
            // their first storing is still in order.
            assertAscendingAndComplete(key.getKey(), firstOccurrences(key.getValue()));
        }
    }

    /** Produces RECORDS over KEYS keys and three partitions, runs the loop until all are committed. */
    private static Map<String, List<Integer>> run(String name, int failOnceAt) throws Exception {
        String topic = "intake-order-" + name;
        String deadLetters = topic + ".dead-letter";
        String bootstrap = broker.bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1), new NewTopic(deadLetters, 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
            awaitLeaders(admin, topic);
        }
        Map<String, Object> producerConfig = new HashMap<>(KafkaClients.producerConfig(Map.of(), bootstrap));
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        produce(topic, producerConfig);

        Map<String, List<Integer>> stored = new ConcurrentHashMap<>();
        AtomicBoolean failed = new AtomicBoolean();
        Random random = new Random(7);
        IntakeLoop.Store store = record -> {
            int value = Integer.parseInt(new String(record.value(), StandardCharsets.UTF_8));
            if (value == failOnceAt && failed.compareAndSet(false, true)) {
                throw new IllegalStateException("the database is away (once)");
            }
            try {
                Thread.sleep(random.nextInt(4));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stored.computeIfAbsent(key(value), k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(value);
        };

        Map<String, Object> consumerConfig = new HashMap<>(KafkaClients.consumerConfig(Map.of(), bootstrap));
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        ExecutorService workers = Executors.newFixedThreadPool(8);
        IntakeLoop loop = new IntakeLoop(new KafkaConsumer<>(consumerConfig), new KafkaProducer<>(producerConfig),
                topic, deadLetters, store, workers);
        Thread thread = new Thread(loop, "intake-" + name);
        thread.start();
        try {
            CommittedOffsets.awaitAtEnd(broker, topic, topic, WITHIN);
        } finally {
            loop.stop();
            thread.join(30_000);
            workers.shutdownNow();
        }
        if (failOnceAt >= 0) {
            assertTrue(failed.get(), "the failure happened");
        }
        return stored;
    }

    /**
     * Every record on the topic before the loop runs: a send that failed would leave a record out
     * and the test would judge the loop by records it never had. This is the test's setup, not the
     * loop under test, so it waits longer than the service's own producer bound (30 s): on a
     * loaded two-core CI machine one partition's batches once expired at 30 s. A failure names
     * the broker's last log lines, so that the cause shows in the CI output.
     */
    private static void produce(String topic, Map<String, Object> serviceProducerConfig) throws Exception {
        Map<String, Object> setupConfig = new HashMap<>(serviceProducerConfig);
        setupConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, SETUP_DELIVERY_TIMEOUT_MS);
        setupConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
        // One request at a time: a batch the broker refused (NOT_LEADER_OR_FOLLOWER while it was still
        // creating a partition whose leader the controller had already announced) is retried before any
        // later batch is sent. With five in flight the later ones were taken first, and the retried first
        // one was then refused forever as out of order (OUT_OF_ORDER_SEQUENCE_NUMBER until the delivery
        // timeout): the fresh-clone CI of cf05625, in the PostgreSQL round.
        setupConfig.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(setupConfig)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < RECORDS; i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, bytes(key(i)), bytes(Integer.toString(i)))));
            }
            producer.flush();
            for (Future<?> record : sent) {
                try {
                    record.get(SETUP_DELIVERY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    throw new AssertionError("producing the test's records to " + topic + " failed: " + e.getCause()
                            + "\nthe broker's last log lines (" + broker.log() + "):\n" + broker.logTail(), e);
                }
            }
        }
    }

    /**
     * Until every partition of a new topic has a leader: producing before that races the leader's
     * election (NOT_LEADER_OR_FOLLOWER, then OUT_OF_ORDER_SEQUENCE_NUMBER from the idempotent
     * producer's retries), seen on a loaded machine.
     */
    private static void awaitLeaders(Admin admin, String topic) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until) {
            var description = admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS).get(topic);
            if (description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("topic " + topic + " has a partition without a leader after 30 s");
    }

    private static void assertAscendingAndComplete(String key, List<Integer> values) {
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            if (key(i).equals(key)) {
                expected.add(i);
            }
        }
        assertEquals(expected, values, "key " + key + ": every record, in the order produced");
    }

    private static List<Integer> firstOccurrences(List<Integer> values) {
        Set<Integer> seen = new LinkedHashSet<>(values);
        return new ArrayList<>(seen);
    }

    private static String key(int i) {
        return "incident-" + (i % KEYS);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
