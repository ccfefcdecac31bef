package io.trucewatch.bench;

import io.trucewatch.kafka.KafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How fast the service takes reports from Kafka: a real broker (the tests' KafkaBroker, KRaft, in
 * a child JVM), the packaged H2 jar with Kafka on, REPORTS distinct reports produced to the
 * reports topic up front, then the time until the last of them is stored (polled through the API).
 * <pre>
 *   mvn -Pbench -DskipTests package
 *   java -cp "target/test-classes:target/classes:$(mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)" \
 *       io.trucewatch.bench.KafkaIntakeRate 5000 [another/build/quarkus-app/quarkus-run.jar]
 * </pre>
 * The service runs in its own temporary directory, so its H2 file is the default one there, with
 * the options of whichever build it is; rules and config are this checkout's.
 */
public final class KafkaIntakeRate {

    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("audrey:audrey-dev-password".getBytes(StandardCharsets.UTF_8));
    private static final int PORT = 8094;
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

    private KafkaIntakeRate() {
    }

    public static void main(String[] args) throws Exception {
        int reports = Integer.parseInt(args[0]);
        Path jar = Path.of(args.length > 1 ? args[1] : "target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        Path work = Files.createTempDirectory("kafka-intake-");
        try (KafkaBroker broker = new KafkaBroker().start()) {
            try (Admin admin = Admin.create(java.util.Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("trucewatch.reports", 1, (short) 1),
                        new NewTopic("trucewatch.reports.dead-letter", 1, (short) 1),
                        new NewTopic("trucewatch.events", 1, (short) 1))).all().get();
            }
            Process service = new ProcessBuilder("java", "-Dquarkus.http.port=" + PORT, "-Dquarkus.http.host=127.0.0.1",
                    "-Dtrucewatch.rules-dir=" + Path.of("rules").toAbsolutePath(),
                    "-Dtrucewatch.config-dir=" + Path.of("config").toAbsolutePath(),
                    "-Dtrucewatch.rules.watch=false", "-Dtrucewatch.kafka.enabled=true",
                    "-Dtrucewatch.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                    "-jar", jar.toString())
                    .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("service.log").toFile()).start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                awaitStored(http, 0, 120_000);
                Properties config = new Properties();
                config.put("bootstrap.servers", broker.bootstrapServers());
                config.put("acks", "all");
                config.put("linger.ms", "5");
                long start = System.nanoTime();
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                        new StringSerializer())) {
                    for (int i = 0; i < reports; i++) {
                        producer.send(new ProducerRecord<>("trucewatch.reports", "k" + i, """
                                {"external_id":"kafka-rate-%d","event_date":"2016-04-%02d","event_type":"Explosions/Remote violence",
                                 "sub_event_type":"Air/drone strike","actor1":"SAA","actor2":"Civilians (Syria)",
                                 "weapon":"barrel bomb","country":"Syria","admin1":"Aleppo","location":"Al-Haidariyah"}"""
                                .formatted(i, 1 + i % 28)));
                    }
                }
                long produced = System.nanoTime();
                awaitStored(http, reports, 600_000);
                long stored = System.nanoTime();
                System.out.printf("Kafka intake: %d reports produced in %.1f s, all stored %.1f s after the first: %.0f reports/s%n",
                        reports, (produced - start) / 1e9, (stored - start) / 1e9, reports / ((stored - start) / 1e9));
            } finally {
                service.destroy();
                service.waitFor();
            }
        }
    }

    /** Waits until the service answers and holds at least {@code expected} reports. */
    private static void awaitStored(HttpClient http, int expected, long withinMillis) throws Exception {
        long deadline = System.currentTimeMillis() + withinMillis;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + PORT + "/api/incidents?size=1")).header("Authorization", AUTH).build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher total = TOTAL.matcher(page.body());
                if (page.statusCode() == 200 && total.find() && Integer.parseInt(total.group(1)) >= expected) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not " + expected + " reports stored in time");
    }
}
