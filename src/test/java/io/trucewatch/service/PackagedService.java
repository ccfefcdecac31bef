package io.trucewatch.service;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Starts the packaged jar (target/quarkus-app) as its own process, on loopback, with its own H2 file. */
final class PackagedService {

    private PackagedService() {
    }

    static Process start(Path work, int port, Path rules, Path config) throws IOException {
        return start(work, port, rules, config, List.of());
    }

    /** With extra {@code -D} flags. */
    static Process start(Path work, int port, Path rules, Path config, List<String> flags) throws IOException {
        // From the repository's directory, as before: only the H2 file and the log are in work.
        return launch("target/quarkus-app/quarkus-run.jar", work, null, port,
                "-Dtrucewatch.h2.file=" + work.resolve("data/trucewatch"), rules, config,
                flags);
    }

    /** The PostgreSQL test database (.ci/start-postgresql), as the PostgreSQL runs of the suite use it. */
    static final String POSTGRESQL_URL = "jdbc:postgresql://localhost:5432/trucewatch_test";

    /**
     * The jar built for PostgreSQL (target/postgresql) as its own process, on {@link #POSTGRESQL_URL},
     * with its own working directory ({@code work}) and the given {@code -D} flags.
     */
    static Process startOnPostgresql(Path work, int port, List<String> flags) throws IOException {
        Files.createDirectories(work);
        List<String> withHeap = new ArrayList<>(List.of("-Xmx256m"));
        withHeap.addAll(flags);
        return launch("target/postgresql/quarkus-run.jar", work, work, port,
                "-Dquarkus.datasource.jdbc.url=" + POSTGRESQL_URL, Path.of("rules"),
                Path.of("config"), withHeap);
    }

    /**
     * One packaged jar on loopback, on the given database, its log in {@code work}, run from
     * {@code directory} (null: this process's own).
     */
    private static Process launch(String jarPath, Path work, Path directory, int port, String database, Path rules,
            Path config, List<String> flags) throws IOException {
        Path jar = Path.of(jarPath).toAbsolutePath();
        assertTrue(Files.exists(jar), "package the service first: " + jar);
        List<String> command = new ArrayList<>(List.of("java",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                database,
                "-Dtrucewatch.rules-dir=" + rules.toAbsolutePath(),
                "-Dtrucewatch.config-dir=" + config.toAbsolutePath()));
        command.addAll(flags);
        command.addAll(List.of("-jar", jar.toString()));
        return new ProcessBuilder(command).directory(directory == null ? null : directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("service.log").toFile()))
                .start();
    }

    static void awaitReady(HttpClient http, int port) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("service did not become ready on port " + port);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
