package io.trucewatch.kafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Starts a real broker before the application (whose clients connect at startup) and points the
 * service at it; gives the broker to tests that kill and restart it ({@link InjectKafkaBroker}).
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        broker = new KafkaBroker().start();
        createTopics();
        return Map.of("trucewatch.kafka.bootstrap-servers", broker.bootstrapServers());
    }

    /**
     * Made before the service starts, with several partitions, so that ordering is per key (per
     * partition) as in production, and the intake's rewinding is exercised across partitions.
     */
    private void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(
                    new NewTopic(KafkaEnabled.EVENTS, 3, (short) 1),
                    new NewTopic(KafkaEnabled.REPORTS, 2, (short) 1),
                    new NewTopic(KafkaEnabled.DEAD_LETTERS, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("creating the test topics failed; see " + broker.log(), e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(broker,
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaBroker.class, KafkaBroker.class));
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
