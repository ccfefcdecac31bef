package io.trucewatch.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Kafka settings ({@code trucewatch.kafka.*}); see the README's "Production: Kafka". Client settings
 * these do not cover (TLS, SASL) are Quarkus's usual {@code kafka.*} properties, which both clients
 * take as they are ({@link KafkaClients}).
 */
@ConfigMapping(prefix = "trucewatch.kafka")
public interface KafkaSettings {

    /** Off by default: a service without a broker must start and work exactly as before. */
    @WithDefault("false")
    boolean enabled();

    @WithDefault("localhost:9092")
    String bootstrapServers();

    /** Where every outbox event is published (verdicts and reviews). */
    @WithDefault("trucewatch.events")
    String eventsTopic();

    /** Where incident reports are taken from. */
    @WithDefault("trucewatch.reports")
    String reportsTopic();

    /** Where reports that cannot be stored go, unchanged, with the reasons in headers. */
    @WithDefault("trucewatch.reports.dead-letter")
    String deadLetterTopic();

    /** How often the publisher looks for new outbox events (the scheduler looks at most once a second). */
    @WithDefault("1s")
    Duration pollInterval();
}
