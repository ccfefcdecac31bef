package io.trucewatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trucewatch.access.As;
import io.trucewatch.alerts.WebhookReceiver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two packaged instances on one PostgreSQL behave as one service, through a SIGKILL of one of
 * them in the middle of the load:
 * <ul>
 *   <li>every acknowledged report is stored, once; the same external_id sent to both at once is one record;</li>
 *   <li>the audit chain, written by both, verifies on either;</li>
 *   <li>every event reaches the acknowledging webhook receiver (deliveries are claimed by one
 *       instance at a time), correctly signed;</li>
 *   <li>an import running on the killed instance is taken over by the other and finished.</li>
 * </ul>
 */
class SeveralInstancesIT {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern SECRET = Pattern.compile("\"secret\":\"(whsec_[^\"]+)\"");
    private static final Pattern LOCATION_ID = Pattern.compile("/api/imports/([0-9a-f-]{36})");
    private static final int REPORTS_PER_WRITER = 120;
    private static final int IMPORT_ROWS = 1_500;

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void two_instances_on_one_postgresql_lose_nothing_when_one_is_killed_mid_load() throws Exception {
        emptyDatabase();
        int portA = PackagedService.freePort();
        int portB = PackagedService.freePort();
        // One checkpoint key for both (the chain has one signer's key), on storage both can reach.
        Path shared = work.resolve("shared");
        List<String> flags = List.of("-Dtrucewatch.webhooks.allow-loopback=true",
                "-Dtrucewatch.webhooks.retry-delays=1s,1s,1s,1s,1s,1s,1s,1s,1s,1s",
                "-Dtrucewatch.rules.watch=false",
                "-Dtrucewatch.imports.lease=3s", "-Dtrucewatch.imports.sweep-interval=1s",
                "-Dtrucewatch.audit.checkpoint-key=" + shared.resolve("checkpoint-key"),
                "-Dtrucewatch.audit.checkpoint-interval=200");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Process a = PackagedService.startOnPostgresql(work.resolve("a"), portA, flags);
            Process b = null;
            try {
                PackagedService.awaitReady(http, portA);
                b = PackagedService.startOnPostgresql(work.resolve("b"), portB, flags);
                PackagedService.awaitReady(http, portB);
                HttpResponse<String> subscribed = send(portA, "/api/subscriptions", As.ADMIN, "application/json",
                        "{\"url\":\"" + receiver.url() + "\"}");
                assertEquals(201, subscribed.statusCode(), subscribed.body());
                Matcher secret = SECRET.matcher(subscribed.body());
                assertTrue(secret.find());
                receiver.secret(secret.group(1));

                sameExternalIdToBothAtOnceIsOneRecord(portA, portB);

                String importId = startImport(portA);
                Map<String, String> acknowledged = new ConcurrentHashMap<>();
                AtomicBoolean aDown = new AtomicBoolean();
                AtomicInteger sent = new AtomicInteger();
                ExecutorService writers = Executors.newFixedThreadPool(2);
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    int writer = w;
                    done.add(writers.submit(() -> {
                        for (int i = 0; i < REPORTS_PER_WRITER; i++) {
                            String externalId = "multi-" + writer + "-" + i;
                            int port = (i % 2 == 0 && !aDown.get()) ? portA : portB;
                            sent.incrementAndGet();
                            try {
                                HttpResponse<String> answer = send(port, "/api/incidents", As.MONITOR,
                                        "application/json", report(externalId));
                                if (answer.statusCode() == 201 || answer.statusCode() == 200) {
                                    Matcher id = ID.matcher(answer.body());
                                    assertTrue(id.find(), answer.body());
                                    acknowledged.put(externalId, id.group(1));
                                }
                            } catch (IOException e) {
                                // The killed instance: not acknowledged, so nothing is promised.
                            }
                        }
                        return null;
                    }));
                }
                // Killed mid-load and mid-import: reports in flight, the import past a checkpoint.
                while (sent.get() < REPORTS_PER_WRITER / 2
                        || count("SELECT rows_done FROM import_job WHERE id = '" + importId + "'") < 100) {
                    Thread.sleep(20);
                }
                assertEquals(0, count("SELECT COUNT(*) FROM import_job WHERE status = 'DONE'"), "the import is under way");
                long killed = a.pid();
                a.destroyForcibly();
                aDown.set(true);
                a.waitFor(20, TimeUnit.SECONDS);
                for (Future<?> writer : done) {
                    writer.get(5, TimeUnit.MINUTES);
                }
                writers.shutdown();

                a = PackagedService.startOnPostgresql(work.resolve("a"), portA, flags);
                PackagedService.awaitReady(http, portA);

                String finisher = awaitImportDone(portB, importId);
                assertTrue(!finisher.contains("/" + killed + "/"), "taken over from the killed instance: " + finisher);
                assertStoredOnce(acknowledged);
                assertEquals(IMPORT_ROWS, count("SELECT COUNT(*) FROM incident WHERE external_id LIKE 'imp-%'"),
                        "every imported row stored once, across the takeover");
                for (int port : List.of(portA, portB)) {
                    HttpResponse<String> verify = send(port, "/api/audit/verify", As.AUDITOR, null, null);
                    assertEquals(200, verify.statusCode());
                    assertTrue(verify.body().contains("\"intact\":true"), "chain verifies on " + port + ": "
                            + verify.body());
                }
                assertEveryEventDeliveredSigned(receiver);
            } finally {
                a.destroyForcibly();
                if (b != null) {
                    b.destroy();
                    b.waitFor(20, TimeUnit.SECONDS);
                }
                a.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    private void sameExternalIdToBothAtOnceIsOneRecord(int portA, int portB) throws Exception {
        ExecutorService both = Executors.newFixedThreadPool(2);
        for (int i = 0; i < 5; i++) {
            String externalId = "twice-" + i;
            Future<HttpResponse<String>> toA = both.submit(() -> send(portA, "/api/incidents", As.MONITOR,
                    "application/json", report(externalId)));
            Future<HttpResponse<String>> toB = both.submit(() -> send(portB, "/api/incidents", As.MONITOR,
                    "application/json", report(externalId)));
            HttpResponse<String> first = toA.get(30, TimeUnit.SECONDS);
            HttpResponse<String> second = toB.get(30, TimeUnit.SECONDS);
            assertTrue(Set.of(200, 201).contains(first.statusCode()), first.body());
            assertTrue(Set.of(200, 201).contains(second.statusCode()), second.body());
            Matcher idA = ID.matcher(first.body());
            Matcher idB = ID.matcher(second.body());
            assertTrue(idA.find() && idB.find());
            assertEquals(idA.group(1), idB.group(1), "both answered with the one record");
            assertEquals(1, count("SELECT COUNT(*) FROM incident WHERE external_id = '" + externalId + "'"));
        }
        both.shutdown();
    }

    private String startImport(int port) throws Exception {
        StringBuilder csv = new StringBuilder("external_id,event_date,event_type,sub_event_type,actor1,actor2,"
                + "country,admin1,location,latitude,longitude\n");
        for (int i = 0; i < IMPORT_ROWS; i++) {
            csv.append("imp-").append(i).append(",2016-04-10,Explosions/Remote violence,Air/drone strike,SAA,"
                    + "Civilians (Syria),Syria,Aleppo,Al-Haidariyah,36.228,37.183\n");
        }
        HttpResponse<String> accepted = send(port, "/api/imports", As.MONITOR, "text/csv", csv.toString());
        assertEquals(202, accepted.statusCode(), accepted.body());
        Matcher id = LOCATION_ID.matcher(accepted.headers().firstValue("Location").orElse(""));
        assertTrue(id.find(), accepted.headers().toString());
        return id.group(1);
    }

    /** Waits until the import is done; answers the instance that finished it. */
    private String awaitImportDone(int port, String importId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        String last = "";
        while (System.nanoTime() < deadline) {
            last = send(port, "/api/imports/" + importId, As.AUDITOR, null, null).body();
            if (last.contains("\"status\":\"DONE\"")) {
                assertTrue(last.contains("\"rows_done\":" + IMPORT_ROWS), last);
                try (Connection db = database(); Statement query = db.createStatement();
                        ResultSet rows = query.executeQuery("SELECT claimed_by FROM import_job")) {
                    rows.next();
                    System.out.println("SeveralInstancesIT: the import was finished by " + rows.getString(1));
                    return rows.getString(1);
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the import was not finished by the surviving instance: " + last);
    }

    private static void assertStoredOnce(Map<String, String> acknowledged) throws SQLException {
        assertTrue(acknowledged.size() > REPORTS_PER_WRITER, "most reports were acknowledged: " + acknowledged.size());
        try (Connection db = database();
                PreparedStatement query = db.prepareStatement("SELECT id FROM incident WHERE external_id = ?")) {
            for (Map.Entry<String, String> report : acknowledged.entrySet()) {
                query.setString(1, report.getKey());
                List<String> ids = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
                assertEquals(List.of(report.getValue()), ids, "acknowledged " + report.getKey() + " stored once");
            }
        }
        assertEquals(count("SELECT COUNT(DISTINCT external_id) FROM incident"),
                count("SELECT COUNT(*) FROM incident WHERE external_id IS NOT NULL"), "no external_id twice");
    }

    /** Every event written after the subscription reached the receiver, signed; how many twice is printed. */
    private static void assertEveryEventDeliveredSigned(WebhookReceiver receiver) throws Exception {
        Set<String> written = new HashSet<>();
        try (Connection db = database(); Statement query = db.createStatement();
                ResultSet rows = query.executeQuery("SELECT d.event_id FROM delivery d")) {
            while (rows.next()) {
                written.add(rows.getString(1));
            }
        }
        assertTrue(written.size() >= REPORTS_PER_WRITER, "events were fanned out: " + written.size());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Set<String> delivered = Set.of();
        while (System.nanoTime() < deadline) {
            delivered = receiver.received().stream().filter(r -> r.answeredWith() / 100 == 2)
                    .map(WebhookReceiver.Received::webhookId).collect(Collectors.toSet());
            if (delivered.containsAll(written)) {
                break;
            }
            Thread.sleep(250);
        }
        Set<String> missing = new HashSet<>(written);
        missing.removeAll(delivered);
        assertTrue(missing.isEmpty(), missing.size() + " events never delivered, e.g. " + missing.stream().limit(3).toList());
        assertTrue(receiver.received().stream().allMatch(WebhookReceiver.Received::signatureValid), "all signed");
        Map<String, List<WebhookReceiver.Received>> byId = receiver.received().stream()
                .filter(r -> r.answeredWith() / 100 == 2)
                .collect(Collectors.groupingBy(WebhookReceiver.Received::webhookId));
        long acknowledgedTwice = byId.values().stream().filter(copies -> copies.size() > 1).count();
        System.out.printf("SeveralInstancesIT: %d events delivered to the acknowledging receiver, %d of them twice%n",
                delivered.size(), acknowledgedTwice);
        // Delivery is at least once: an instance killed after the receiver's 2xx and before it
        // recorded the outcome leaves the claim to lapse, and the survivor sends it again. Only the
        // attempts in flight at the kill can be repeated (at most the dispatcher's concurrency, 8),
        // each with the same webhook-id and body, so a receiver that deduplicates sees each once.
        assertTrue(acknowledgedTwice <= 8, acknowledgedTwice + " events acknowledged twice: more than were in flight");
        byId.values().stream().filter(copies -> copies.size() > 1).forEach(copies -> assertEquals(1,
                copies.stream().map(WebhookReceiver.Received::body).distinct().count(), "a repeat is the same event"));
    }

    private static String report(String externalId) {
        return """
                {"external_id":"%s","event_date":"2016-04-10","event_type":"Explosions/Remote violence",
                 "sub_event_type":"Air/drone strike","actor1":"SAA","actor2":"Civilians (Syria)",
                 "weapon":"barrel bomb","country":"Syria","admin1":"Aleppo","location":"Al-Haidariyah"}"""
                .formatted(externalId);
    }

    private HttpResponse<String> send(int port, String path, String user, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", As.basicHeader(user)).timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(PackagedService.POSTGRESQL_URL, "trucewatch", "trucewatch");
    }

    private static long count(String sql) throws SQLException {
        try (Connection db = database(); Statement query = db.createStatement(); ResultSet rows = query.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The test database as a first start finds it: no tables (the instances migrate it). */
    private static void emptyDatabase() throws SQLException {
        try (Connection db = database(); Statement statement = db.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE");
            statement.execute("CREATE SCHEMA public");
        }
    }
}
