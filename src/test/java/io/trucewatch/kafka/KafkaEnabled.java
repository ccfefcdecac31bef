package io.trucewatch.kafka;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The service with Kafka on, against the broker of {@link KafkaTestResource}. Topic names other
 * than the defaults, to show the settings are used. Both Kafka test classes share this profile,
 * hence one application and one broker.
 */
public class KafkaEnabled implements QuarkusTestProfile {

    static final String EVENTS = "test.events";
    static final String REPORTS = "test.reports";
    static final String DEAD_LETTERS = "test.reports.dead-letter";
    static final String INTAKE_GROUP = "trucewatch-intake";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("trucewatch.kafka.enabled", "true",
                "trucewatch.kafka.events-topic", EVENTS,
                "trucewatch.kafka.reports-topic", REPORTS,
                "trucewatch.kafka.dead-letter-topic", DEAD_LETTERS,
                "trucewatch.kafka.poll-interval", "100ms");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KafkaTestResource.class));
    }
}
