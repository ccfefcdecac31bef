package io.trucewatch.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivery client connects to the address it is given, whatever the URL's host resolves to,
 * while the receiver still sees the URL's host: Host header, TLS SNI and certificate check. Hosts
 * under {@code .invalid} never resolve (RFC 6761), so a request that arrives proves nothing was
 * looked up.
 */
class ReceiverClientTest {

    static Vertx vertx;
    static InetAddress loopback;

    HttpServer server;
    final List<String> seen = new CopyOnWriteArrayList<>();
    volatile Duration hang = Duration.ZERO;

    @BeforeAll
    static void startVertx() throws Exception {
        vertx = Vertx.vertx();
        loopback = InetAddress.getByName("127.0.0.1");
    }

    @AfterAll
    static void stopVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " host=" + exchange.getRequestHeaders()
                    .getFirst("Host") + " id=" + exchange.getRequestHeaders().getFirst("webhook-id") + " body=" + body);
            if (!hang.isZero()) {
                sleep(hang);
            }
            if (exchange.getRequestURI().getPath().equals("/moved")) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port() + "/elsewhere");
                exchange.sendResponseHeaders(302, -1);
            } else {
                byte[] answer = "thanks".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(202, answer.length);
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
    }

    int port() {
        return server.getAddress().getPort();
    }

    static int post(ReceiverClient client, String url, InetAddress address) throws Exception {
        return client.post(URI.create(url), address, Map.of("webhook-id", "evt_1", "Content-Type", "application/json"),
                "{\"a\":1}").toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void connects_to_the_checked_address_and_names_the_url_host_in_the_host_header() throws Exception {
        try (ReceiverClient client = new ReceiverClient(vertx, Duration.ofSeconds(5), 2)) {
            int status = post(client, "http://receiver.invalid:" + port() + "/hook?x=1", loopback);
            assertEquals(202, status);
            assertEquals(List.of("POST /hook?x=1 host=receiver.invalid:" + port() + " id=evt_1 body={\"a\":1}"), seen);
        }
    }

    @Test
    void redirects_are_answered_not_followed() throws Exception {
        try (ReceiverClient client = new ReceiverClient(vertx, Duration.ofSeconds(5), 2)) {
            assertEquals(302, post(client, "http://receiver.invalid:" + port() + "/moved", loopback));
            Thread.sleep(200);
            assertEquals(1, seen.size(), "nothing sent to the Location: " + seen);
        }
    }

    @Test
    void a_receiver_slower_than_the_timeout_fails_the_attempt_with_a_timeout() throws Exception {
        hang = Duration.ofSeconds(5);
        try (ReceiverClient client = new ReceiverClient(vertx, Duration.ofMillis(300), 2)) {
            long start = System.nanoTime();
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> post(client, "http://receiver.invalid:" + port() + "/hook", loopback));
            assertInstanceOf(HttpTimeoutException.class, failed.getCause());
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(tookMillis < 3000, "gave up after " + tookMillis + " ms, not when the receiver answered");
        }
        hang = Duration.ZERO;
    }

    @Test
    void https_sends_the_url_host_as_sni_and_checks_the_certificate_against_it(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("receiver.p12");
        Path certificate = dir.resolve("receiver.pem");
        keytool("-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=receiver.test", "-ext", "SAN=dns:receiver.test", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "receiver", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", certificate.toString());
        List<String> sni = new CopyOnWriteArrayList<>();
        io.vertx.core.http.HttpServer tls = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setSni(true)
                        .setKeyCertOptions(new PfxOptions().setPath(keystore.toString()).setPassword("changeit")))
                .requestHandler(request -> {
                    sni.add(request.connection().indicatedServerName() + " host=" + request.getHeader("Host"));
                    request.response().setStatusCode(204).end();
                });
        tls.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try (ReceiverClient client = new ReceiverClient(vertx, Duration.ofSeconds(5), 2,
                new PemTrustOptions().addCertPath(certificate.toString()))) {
            assertEquals(204, post(client, "https://receiver.test:" + tls.actualPort() + "/hook", loopback));
            assertEquals(List.of("receiver.test host=receiver.test:" + tls.actualPort()), sni);
            ExecutionException wrongName = assertThrows(ExecutionException.class,
                    () -> post(client, "https://other.test:" + tls.actualPort() + "/hook", loopback));
            assertTrue(causes(wrongName).contains("other.test"),
                    "the certificate is checked against the URL's host: " + causes(wrongName));
        } finally {
            tls.close();
        }
    }

    private static String causes(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            chain.append(t).append(" <- ");
        }
        return chain.toString();
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "keytool failed: " + output);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
