package io.trucewatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trucewatch.access.As;
import io.trucewatch.alerts.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deliveries pending when the service is killed with SIGKILL go out after it restarts: the
 * receiver refuses everything until the kill, then accepts; every event arrives, signed.
 */
class WebhookRestartIT {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern SECRET = Pattern.compile("\"secret\":\"(whsec_[^\"]+)\"");

    @TempDir
    Path work;

    @Test
    void pending_deliveries_survive_a_kill_and_go_out_after_restart() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        int port = PackagedService.freePort();
        List<String> flags = List.of("-Dtrucewatch.webhooks.allow-loopback=true",
                "-Dtrucewatch.webhooks.retry-delays=1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s",
                "-Dtrucewatch.rules.watch=false");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.failNext(Integer.MAX_VALUE);
            Process service = PackagedService.start(work, port, Path.of("rules"), Path.of("config"), flags);
            List<String> incidents = new ArrayList<>();
            try {
                PackagedService.awaitReady(http, port);
                HttpResponse<String> subscribed = http.send(request(port, "/api/subscriptions", As.ADMIN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + receiver.url() + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(201, subscribed.statusCode(), subscribed.body());
                Matcher secret = SECRET.matcher(subscribed.body());
                assertTrue(secret.find());
                receiver.secret(secret.group(1));
                for (int i = 0; i < 3; i++) {
                    HttpResponse<String> created = http.send(request(port, "/api/incidents", As.MONITOR)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("""
                                    {"event_date":"2016-04-10","event_type":"Explosions/Remote violence",
                                     "sub_event_type":"Air/drone strike","actor1":"SAA","actor2":"Civilians (Syria)",
                                     "weapon":"barrel bomb","admin1":"Aleppo","location":"Al-Haidariyah"}""")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(201, created.statusCode(), created.body());
                    Matcher id = ID.matcher(created.body());
                    assertTrue(id.find());
                    incidents.add(id.group(1));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (receiver.received().size() < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertTrue(receiver.received().size() >= 3, "attempts were made (and refused) before the kill");
            } finally {
                service.destroyForcibly();
                service.waitFor(20, TimeUnit.SECONDS);
            }

            receiver.failNext(0);
            Process restarted = PackagedService.start(work, port, Path.of("rules"), Path.of("config"), flags);
            try {
                PackagedService.awaitReady(http, port);
                // A delivery in flight when the first instance was killed waits out its claim's
                // lease (the 10 s timeout + 30 s margin, WebhookDispatcher.claimLease) before the
                // restarted instance may send it: wait longer than that.
                for (String incident : incidents) {
                    WebhookReceiver.Received got = receiver.await(r -> r.body().contains("\"id\":\"" + incident + "\""),
                            Duration.ofSeconds(60));
                    assertTrue(got.signatureValid());
                }
                Set<String> delivered = receiver.received().stream().filter(r -> r.answeredWith() == 204)
                        .filter(r -> r.body().contains("\"type\":\"verdict.created\""))
                        .map(WebhookReceiver.Received::webhookId).collect(Collectors.toSet());
                assertEquals(3, delivered.size(), "three verdict events, each delivered");
            } finally {
                restarted.destroy();
                restarted.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    private static HttpRequest.Builder request(int port, String path, String user) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", As.basicHeader(user)).timeout(Duration.ofSeconds(30));
    }
}
