package io.trucewatch.kafka;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.trucewatch.background.BackgroundWork;
import io.trucewatch.incidents.IncidentService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Takes incident reports from the reports topic on a worker of its own ({@link IntakeLoop}), and
 * stores them as POST /api/incidents would: nothing is lost, nothing is stored twice (external_id
 * makes a redelivered record change nothing), and a report the service refuses goes to the
 * dead-letter topic with its reasons.
 */
@ApplicationScoped
public class ReportIntake {

    private static final Logger LOG = Logger.getLogger(ReportIntake.class);
    /** incident.submitted_by and audit principals are VARCHAR(128); a topic name may be longer. */
    private static final int MAX_PRINCIPAL = 128;

    @Inject
    KafkaSettings settings;

    @Inject
    KafkaClients clients;

    @Inject
    IncidentService incidents;

    @ConfigProperty(name = "trucewatch.max-report-bytes")
    int maxReportBytes;

    /** Reports of one poll stored at once (judged in parallel, sharing group commits). */
    @ConfigProperty(name = "trucewatch.kafka.intake.parallel", defaultValue = "16")
    int parallel;

    private IntakeLoop loop;
    /** One worker, held by the consumer loop for as long as the service runs (a consumer is single-threaded). */
    private ManagedExecutor intake;
    /** The workers that store a poll's reports; the loop waits for them all before it goes on. */
    private ManagedExecutor storing;

    void start(@Observes StartupEvent startup) {
        if (!settings.enabled()) {
            return;
        }
        storing = BackgroundWork.dedicatedWorkers(parallel);
        loop = new IntakeLoop(clients.reportConsumer(), clients.deadLetterProducer(), settings.reportsTopic(),
                settings.deadLetterTopic(), this::store, storing);
        intake = BackgroundWork.dedicatedWorkers(1);
        intake.execute(loop);
        LOG.infof("taking incident reports from Kafka topic %s (group %s) at %s", settings.reportsTopic(),
                KafkaClients.INTAKE_GROUP, settings.bootstrapServers());
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (intake == null) {
            return;
        }
        // The poll being stored is finished (its offset committed) before the database goes away:
        // the loop is asked to end, not interrupted.
        loop.stop();
        intake.shutdown();
        intake.awaitTermination(20, TimeUnit.SECONDS);
        storing.shutdown();
    }

    private void store(ConsumerRecord<byte[], byte[]> record) {
        incidents.submit(ReportRecords.read(record.value(), maxReportBytes), principal(record.topic()));
    }

    static String principal(String topic) {
        String name = "kafka:" + topic;
        return name.length() <= MAX_PRINCIPAL ? name : name.substring(0, MAX_PRINCIPAL);
    }
}
