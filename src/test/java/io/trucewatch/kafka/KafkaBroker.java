package io.trucewatch.kafka;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker for tests: KRaft combined mode (broker and controller in one
 * process, node 1), started in a child JVM from the test classpath (kafka_2.13 is a test
 * dependency), so that it can be killed like a crashed server and started again on the same log
 * directory and ports. No Docker. Its output goes to {@code broker.log} in its directory
 * ({@code target/kafka-<random>/}), which is kept after {@link #close()}.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private volatile Process process;
    private final Thread killOnExit = new Thread(this::kill, "kafka-broker-kill");

    public KafkaBroker() {
        this.dir = Path.of("target", "kafka-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        this.port = freePort();
        this.controllerPort = freePort();
    }

    /** Writes the configuration, formats the log directory and starts the broker; returns when it answers. */
    public KafkaBroker start() {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("server.properties"), serverProperties());
            Files.writeString(dir.resolve("logging.properties"), loggingProperties());
            // Arguments in a file: a test classpath is longer than one command-line argument may be.
            Files.writeString(dir.resolve("jvm.args"), jvmArguments());
            format();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(killOnExit);
        launch();
        return this;
    }

    /** Like SIGKILL: no clean shutdown, nothing flushed beyond what the OS already has. */
    public void kill() {
        Process running = process;
        if (running != null && running.isAlive()) {
            running.destroyForcibly();
            try {
                running.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts again on the same log directory and ports, after a kill (or kills it first). */
    public void restart() {
        kill();
        launch();
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public Path log() {
        return dir.resolve("broker.log");
    }

    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException exiting) {
            // The hook is running or about to: it kills the broker itself.
        }
        // The data goes; broker.log stays, since failure messages point to it (mvn clean removes it).
        deleteTree(dir.resolve("data"));
    }

    private String serverProperties() {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                // Kafka 4 quorum settings: a dynamic quorum of one, found through this address.
                "controller.quorum.bootstrap.servers=localhost:" + controllerPort,
                "controller.listener.names=CONTROLLER",
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=1",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=3",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "min.insync.replicas=1",
                "group.initial.rebalance.delay.ms=0",
                // Started again after a kill, the broker may register only once its previous
                // session has expired: 4 s instead of 9.
                "broker.session.timeout.ms=4000",
                "broker.heartbeat.interval.ms=1000",
                // Two cores for everything: few threads.
                "num.network.threads=2",
                "num.io.threads=2",
                "num.recovery.threads.per.data.dir=1",
                "background.threads=2",
                "");
    }

    /**
     * The broker logs through slf4j, bound on the test classpath to the JBoss LogManager; to its
     * standard output, which goes to broker.log.
     */
    private static String loggingProperties() {
        return String.join("\n",
                "logger.level=INFO",
                "logger.handlers=CONSOLE",
                "handler.CONSOLE=org.jboss.logmanager.handlers.ConsoleHandler",
                "handler.CONSOLE.properties=autoFlush,target",
                "handler.CONSOLE.autoFlush=true",
                "handler.CONSOLE.target=SYSTEM_OUT",
                "handler.CONSOLE.formatter=PATTERN",
                "formatter.PATTERN=org.jboss.logmanager.formatters.PatternFormatter",
                "formatter.PATTERN.properties=pattern",
                "formatter.PATTERN.pattern=%d{HH:mm:ss,SSS} %-5p [%c] %s%e%n",
                "");
    }

    private String jvmArguments() {
        List<String> arguments = List.of(
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-Djava.awt.headless=true",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-Dlogging.configuration=" + dir.resolve("logging.properties").toUri(),
                "-cp", quoted(classpath()));
        return String.join("\n", arguments) + "\n";
    }

    /**
     * The test classpath, which holds kafka_2.13 and its dependencies. Surefire sets java.class.path
     * to the full list even when it starts the JVM from a manifest-only jar (were it that jar alone,
     * the child JVM would follow its Class-Path all the same). Less Quarkus' bootstrap runner: it
     * installs a log configurator that holds every message until Quarkus starts, which the broker
     * never does, so its log would stay empty.
     */
    private static String classpath() {
        String classpath = System.getProperty("java.class.path");
        if (classpath == null || classpath.isBlank()) {
            throw new IllegalStateException("no java.class.path to start the Kafka broker from");
        }
        return Stream.of(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank() && !entry.contains("quarkus-bootstrap-runner"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** A java @argfile value: quoted, with backslashes doubled. */
    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void format() {
        String clusterId = Uuid.randomUuid().toString();
        Process formatting = java("kafka.tools.StorageTool", "format", "--config",
                dir.resolve("server.properties").toString(), "--cluster-id", clusterId, "--standalone");
        try {
            if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
                formatting.destroyForcibly();
                throw new IllegalStateException("formatting the Kafka log directory failed; see " + log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void launch() {
        process = java("kafka.Kafka", dir.resolve("server.properties").toString());
        try {
            awaitAnswering();
        } catch (RuntimeException e) {
            kill();
            throw e;
        }
    }

    private Process java(String mainClass, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + dir.resolve("jvm.args"));
        command.add(mainClass);
        command.addAll(List.of(arguments));
        try {
            return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ready when an admin client can list topics: the broker has joined its own quorum and serves. */
    private void awaitAnswering() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the Kafka broker exited with " + process.exitValue()
                            + "; see " + log() + ":\n" + logTail());
                }
                try {
                    admin.listTopics().names().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("the Kafka broker did not answer within " + START_TIMEOUT
                                + "; see " + log() + ":\n" + logTail(), notYet);
                    }
                    Thread.sleep(200);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last 30 lines of the broker's log, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Left behind under target/: mvn clean removes it.
        }
    }
}
