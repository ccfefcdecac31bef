package io.trucewatch.kafka;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Waits until a consumer group has committed every partition of a topic up to its end. */
final class CommittedOffsets {

    private CommittedOffsets() {
    }

    static void awaitAtEnd(KafkaBroker broker, String topic, String group, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        String last = "nothing read yet";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000))) {
            while (Instant.now().isBefore(deadline)) {
                try {
                    Map<TopicPartition, Long> ends = ends(admin, topic);
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                    boolean atEnd = ends.entrySet().stream().allMatch(end -> {
                        OffsetAndMetadata offset = committed.get(end.getKey());
                        return (offset == null ? 0 : offset.offset()) >= end.getValue();
                    });
                    if (atEnd) {
                        return;
                    }
                    last = "ends " + ends + ", committed " + committed;
                } catch (Exception notNow) {
                    // The broker is starting again, or the group is rebalancing: ask again.
                    last = notNow.toString();
                }
                Thread.sleep(250);
            }
        }
        fail("group " + group + " did not commit " + topic + " to its end within " + within + ": " + last
                + "; broker log: " + broker.log());
    }

    private static Map<TopicPartition, Long> ends(Admin admin, String topic) throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS)
                .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest = admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()))).all().get(5, TimeUnit.SECONDS);
        return latest.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
