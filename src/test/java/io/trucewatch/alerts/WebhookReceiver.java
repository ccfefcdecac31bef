package io.trucewatch.alerts;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real HTTP receiver for webhook tests. It checks every signature with the Standard Webhooks
 * reference library (not the service's code), records what it got, and can be told to fail the next N requests or to hang.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received, and whether its signature verified with the secret in force. */
    public record Received(String webhookId, long timestamp, String signature, String body, boolean signatureValid,
            int answeredWith) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile Duration hang = Duration.ZERO;
    private volatile String secret;

    public WebhookReceiver() throws IOException {
        this(0);
    }

    public WebhookReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/hook", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void secret(String secret) {
        this.secret = secret;
    }

    public void failNext(int count) {
        failures.set(count);
    }

    public void hang(Duration duration) {
        hang = duration;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits until a request matching {@code what} has been answered 2xx. */
    public Received await(Predicate<Received> what, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            for (Received r : received) {
                if (r.answeredWith() / 100 == 2 && what.test(r)) {
                    return r;
                }
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no matching webhook within " + within + "; received: " + received.size());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
        if (!hang.isZero()) {
            try {
                Thread.sleep(hang.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int status = failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204;
        received.add(new Received(id, timestamp == null ? -1 : Long.parseLong(timestamp), signature, body,
                verifies(id, timestamp, signature, body), status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /**
     * Verified by the Standard Webhooks reference library (com.standardwebhooks), not by code of
     * ours: a signature it accepts is one any receiver using the standard accepts. It checks the
     * HMAC-SHA256 over "id.timestamp.body" with the whsec_ secret, and that the timestamp is recent.
     */
    private boolean verifies(String id, String timestamp, String signature, String body) {
        if (secret == null || id == null || timestamp == null || signature == null) {
            return false;
        }
        try {
            new Webhook(secret).verify(body, Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(timestamp),
                    "webhook-signature", List.of(signature)));
            return true;
        } catch (WebhookVerificationException | EmptyWebhookSecretException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
