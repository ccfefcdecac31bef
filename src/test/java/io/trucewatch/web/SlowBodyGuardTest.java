package io.trucewatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.trucewatch.access.As;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slow request bodies must not freeze the service (the tester's finding: ~200 connections sending a
 * byte every 2 s held every worker; health and API timed out). While hundreds of trickled bodies are
 * held, ordinary requests are answered quickly; a trickled body is cut at its deadline; bodies that
 * arrive in time, however large, are served as before.
 */
@QuarkusTest
@TestProfile(SlowBodyGuardTest.QuickDeadlines.class)
class SlowBodyGuardTest {

    /**
     * A 1 s grace and 1 KiB/s: a 1 KiB body is due after 2 s, so the deadline test is quick, while
     * the 60000-byte bodies of the load tests are due after about 60 s, so they stay held for the
     * whole of those tests. A 1 MiB memory budget, for the budget test to fill. The per-client limit
     * keeps its default (32).
     */
    public static class QuickDeadlines implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trucewatch.http.slow-bodies.grace", "1s",
                    "trucewatch.http.slow-bodies.min-rate", "1K",
                    "trucewatch.http.slow-bodies.max-buffered", "1M");
        }
    }

    static final int SLOW_CONNECTIONS = 500;
    static final int SLOW_LENGTH = 60_000;
    static final int PROBES = 200;
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    static final Duration P99_BOUND = Duration.ofSeconds(2);

    @TestHTTPResource("/")
    URI root;

    @Inject
    SlowBodyConfig config;

    @Inject
    ClientConnections clients;

    @Inject
    SlowBodyBudget budget;

    /** Earlier tests' slow bodies have been let go: nothing counted against this one. */
    @BeforeEach
    void quiet() throws IOException {
        awaitQuiet(List.of(server().getAddress()));
    }

    @Test
    void five_hundred_slow_bodies_from_one_address_leave_health_and_api_answering() throws Exception {
        warmUp();
        int limit = config.maxPerClient();
        String local = ClientConnections.keyOf(server().getAddress());
        try (SlowSockets slow = new SlowSockets()) {
            slow.open(server(), null, SLOW_CONNECTIONS, head(SLOW_LENGTH));
            slow.trickle(Duration.ofSeconds(1));

            // Defences exercised: the per-address limit refuses all but 32 at once; those 32 are read
            // on the I/O threads and hold no worker.
            List<SlowSockets.Answer> refused = slow.answers(SLOW_CONNECTIONS - limit, Duration.ofSeconds(10));
            assertEquals(SLOW_CONNECTIONS - limit, refused.size(), "all but " + limit + " are refused at once");
            assertTrue(refused.stream().allMatch(answer -> answer.status() == 429), "refusals are 429: " + refused.get(0));
            SlowSockets.Answer one = refused.get(0);
            assertEquals(Problem.MEDIA_TYPE, one.header("Content-Type"));
            assertNotNull(one.header("Retry-After"));
            assertTrue(one.body().contains("\"status\":429"), one.body());
            assertEquals(limit, clients.arriving(local), "the admitted slow bodies are held");

            assertOrdinaryRequestsAreAnsweredQuickly();
            assertEquals(limit, clients.arriving(local), "the slow bodies were held throughout");
        }
        awaitQuiet(List.of(server().getAddress()));
    }

    /**
     * The same load spread over twenty loopback addresses, 25 each: the per-address limit (32) never
     * trips, all 500 bodies are held, and ordinary requests are still answered quickly. What protects
     * the workers here is reading bodies on the I/O threads alone; the deadline then closes such
     * connections (next test).
     */
    @Test
    void slow_bodies_under_the_per_address_limit_hold_no_worker() throws Exception {
        List<InetAddress> sources = loopbackSources(20);
        int each = SLOW_CONNECTIONS / sources.size();
        assertTrue(each < config.maxPerClient(), "this test must stay under the per-address limit");
        warmUp();
        try (SlowSockets slow = new SlowSockets()) {
            for (InetAddress source : sources) {
                slow.open(server(), source, each, head(SLOW_LENGTH));
            }
            slow.trickle(Duration.ofSeconds(1));
            await(() -> sources.stream().allMatch(source -> clients.arriving(ClientConnections.keyOf(source)) == each),
                    "all " + SLOW_CONNECTIONS + " slow bodies are admitted and arriving");

            assertOrdinaryRequestsAreAnsweredQuickly();
            assertEquals(0, slow.answered(), "no slow body was refused or cut while ordinary requests ran");
        }
        awaitQuiet(sources);
    }

    @Test
    void a_trickled_body_is_cut_with_408_at_its_deadline() throws Exception {
        int length = 1024;
        long due = config.grace().toMillis() + length * 1000L / config.minRate().asLongValue();
        try (SlowSockets slow = new SlowSockets()) {
            long start = System.nanoTime();
            slow.open(server(), null, 1, head(length));
            // Five bytes a second: every read gets data, so a per-read timeout would never fire.
            slow.trickle(Duration.ofMillis(200));
            List<SlowSockets.Answer> answers = slow.answers(1, Duration.ofMillis(due).plusSeconds(8));
            long elapsed = (System.nanoTime() - start) / 1_000_000;

            assertEquals(1, answers.size(), "the trickled body is answered (and its connection closed)");
            SlowSockets.Answer cut = answers.get(0);
            assertEquals(408, cut.status(), cut.toString());
            assertEquals(Problem.MEDIA_TYPE, cut.header("Content-Type"));
            assertTrue(cut.body().contains("/problems/request-timeout"), cut.body());
            assertTrue(elapsed >= due - 250, "not cut before its deadline (" + due + " ms): " + elapsed + " ms");
            assertTrue(elapsed < due + 5_000, "cut soon after its deadline (" + due + " ms): " + elapsed + " ms");
        }
    }

    @Test
    void a_body_sent_slowly_but_within_its_deadline_is_stored() throws Exception {
        byte[] report = report("slow-in-time-" + UUID.randomUUID(), 0).getBytes(StandardCharsets.UTF_8);
        // Due after 1 s + ~0.3 s; sent in three parts 150 ms apart.
        try (Socket socket = new Socket()) {
            socket.connect(server(), 5000);
            OutputStream out = socket.getOutputStream();
            out.write(head(report.length).getBytes(StandardCharsets.US_ASCII));
            int third = report.length / 3;
            out.write(report, 0, third);
            out.flush();
            Thread.sleep(150);
            out.write(report, third, third);
            out.flush();
            Thread.sleep(150);
            out.write(report, 2 * third, report.length - 2 * third);
            out.flush();
            SlowSockets.Answer answer = SlowSockets.read(socket);
            assertEquals(201, answer.status(), answer.toString());
        }
    }

    @Test
    void a_60000_byte_report_sent_at_full_speed_is_stored() {
        String body = report("full-speed-" + UUID.randomUUID(), SLOW_LENGTH);
        assertEquals(SLOW_LENGTH, body.getBytes(StandardCharsets.UTF_8).length);
        As.monitor().contentType(ContentType.JSON).body(body).post("/api/incidents").then().statusCode(201);
    }

    @Test
    void bodies_beyond_the_memory_budget_are_refused_with_503_and_those_inside_it_go_on() throws Exception {
        int length = (int) (config.maxBuffered().asLongValue() * 2 / 3);
        byte[] body = ("{" + " ".repeat(length - 2) + "}").getBytes(StandardCharsets.US_ASCII);
        try (Socket first = new Socket(); Socket second = new Socket()) {
            first.connect(server(), 5000);
            OutputStream firstOut = first.getOutputStream();
            firstOut.write(head(length).getBytes(StandardCharsets.US_ASCII));
            firstOut.write(body, 0, length - 1);
            firstOut.flush();
            await(() -> budget.held() == length - 1, "the first body, all but its last byte, is held");

            second.connect(server(), 5000);
            OutputStream secondOut = second.getOutputStream();
            secondOut.write(head(length).getBytes(StandardCharsets.US_ASCII));
            try {
                for (int sent = 0; sent < length && second.getInputStream().available() == 0; sent += 16_384) {
                    secondOut.write(body, sent, Math.min(16_384, length - sent));
                    secondOut.flush();
                }
            } catch (IOException closedByServer) {
                // Refused mid-body; the answer is read below.
            }
            SlowSockets.Answer refused = SlowSockets.read(second);
            assertEquals(503, refused.status(), refused.toString());
            assertEquals(Problem.MEDIA_TYPE, refused.header("Content-Type"));
            assertNotNull(refused.header("Retry-After"));

            // The first is unaffected: it reaches the endpoint, whose own 413 (a report is at most
            // 64 KiB) shows it was read; the guard's 413 is only for bodies over max-body-size (20M).
            firstOut.write(body, length - 1, 1);
            firstOut.flush();
            assertEquals(413, SlowSockets.read(first).status());
        }
        awaitQuiet(List.of(server().getAddress()));
    }

    /**
     * {@value #PROBES} ordinary requests, eight at a time: the readiness check and an auditor's review
     * queue. All must succeed, and 99% within {@link #P99_BOUND}. Without the guard the first ones
     * time out (every worker waits on a slow body) and the rest are not sent.
     */
    private void assertOrdinaryRequestsAreAnsweredQuickly() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(root.resolve("/q/health/ready")).timeout(PROBE_TIMEOUT).build();
        HttpRequest queue = HttpRequest.newBuilder(root.resolve("/api/review/queue")).timeout(PROBE_TIMEOUT)
                .header("Authorization", As.basicHeader(As.AUDITOR)).build();
        List<Long> millis = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < PROBES; i++) {
            HttpRequest request = i % 2 == 0 ? health : queue;
            pool.execute(() -> {
                if (!failures.isEmpty()) {
                    return;
                }
                long start = System.nanoTime();
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    millis.add((System.nanoTime() - start) / 1_000_000);
                    if (response.statusCode() != 200) {
                        failures.add(request.uri().getPath() + " answered " + response.statusCode());
                    }
                } catch (IOException e) {
                    failures.add(request.uri().getPath() + " failed after "
                            + (System.nanoTime() - start) / 1_000_000 + " ms: " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(2, TimeUnit.MINUTES), "the ordinary requests finished");
        assertEquals(List.of(), failures, "every ordinary request is answered while slow bodies are held");
        assertEquals(PROBES, millis.size());
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        long p99 = sorted.get((int) Math.ceil(0.99 * sorted.size()) - 1);
        System.out.println("SlowBodyGuardTest: " + sorted.size() + " ordinary requests while slow bodies were held: median "
                + sorted.get(sorted.size() / 2) + " ms, p99 " + p99 + " ms, slowest " + sorted.get(sorted.size() - 1) + " ms");
        assertTrue(p99 < P99_BOUND.toMillis(), "p99 latency " + p99 + " ms; slowest " + sorted.get(sorted.size() - 1));
    }

    /** The auditor's password is checked once (PBKDF2, slow on purpose) before any clock runs. */
    private static void warmUp() {
        As.auditor().get("/api/review/queue").then().statusCode(200);
    }

    /** Headers of a report submission by the monitor, declaring {@code length} bytes of body. */
    private String head(int length) {
        return "POST /api/incidents HTTP/1.1\r\n"
                + "Host: " + root.getHost() + ":" + root.getPort() + "\r\n"
                + "Authorization: " + As.basicHeader(As.MONITOR) + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + length + "\r\n"
                + "Connection: close\r\n\r\n";
    }

    /** A valid report; with {@code padTo} > 0, padded with blanks (valid JSON) to exactly that many bytes. */
    private static String report(String externalId, int padTo) {
        String fields = "{\"external_id\":\"" + externalId + "\",\"event_date\":\"2016-06-02\","
                + "\"event_type\":\"Explosions/Remote violence\",\"sub_event_type\":\"Air/drone strike\","
                + "\"actor1\":\"SAA\",\"actor2\":\"Civilians (Syria)\",\"weapon\":\"barrel bomb\","
                + "\"country\":\"Syria\",\"admin1\":\"Hama\",\"location\":\"Kafr Zita\"";
        return fields + " ".repeat(Math.max(0, padTo - fields.length() - 1)) + "}";
    }

    private InetSocketAddress server() throws IOException {
        return new InetSocketAddress(InetAddress.getByName(root.getHost()), root.getPort());
    }

    /** 127.0.0.2, 127.0.0.3, …: distinct client addresses, where the loopback network allows (Linux does). */
    private List<InetAddress> loopbackSources(int count) throws IOException {
        InetAddress server = server().getAddress();
        assumeTrue(server instanceof Inet4Address && server.isLoopbackAddress(), "needs an IPv4 loopback server");
        List<InetAddress> sources = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sources.add(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (2 + i)}));
        }
        try (Socket probe = new Socket()) {
            probe.bind(new InetSocketAddress(sources.get(count - 1), 0));
        } catch (IOException e) {
            assumeTrue(false, "cannot bind to " + sources.get(count - 1) + " on this system: " + e);
        }
        return sources;
    }

    private void awaitQuiet(List<InetAddress> addresses) {
        await(() -> budget.held() == 0
                && addresses.stream().allMatch(address -> clients.arriving(ClientConnections.keyOf(address)) == 0),
                "the server has let go of every slow body");
    }

    private static void await(BooleanSupplier condition, String what) {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                fail("timed out waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting until " + what);
            }
        }
    }
}
