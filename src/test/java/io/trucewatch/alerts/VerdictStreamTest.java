package io.trucewatch.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.trucewatch.access.As;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The live SSE stream: events as they commit, ids from the outbox, resume with Last-Event-ID. */
@QuarkusTest
class VerdictStreamTest {

    @TestHTTPResource("/api/stream/verdicts")
    URI stream;

    record Event(long id, String name, String data) {
    }

    @Test
    void events_stream_as_they_commit_and_a_reconnecting_client_gets_what_it_missed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Stream<String>> first = open(http, null);
        assertEquals(200, first.statusCode());
        Iterator<String> lines = first.body().iterator();
        String id = WebhookDeliveryTest.barrelBomb("Al-Kallaseh");
        Event seen = next(lines, id);
        assertEquals("verdict.created", seen.name());
        assertEquals(id, JsonPath.from(seen.data()).getString("data.id"));
        first.body().close();

        // While disconnected: one report missed.
        String missed = WebhookDeliveryTest.barrelBomb("Al-Kallaseh");
        HttpResponse<Stream<String>> resumed = open(http, seen.id());
        Event caughtUp = next(resumed.body().iterator(), missed);
        assertTrue(caughtUp.id() > seen.id());
        assertEquals(missed, JsonPath.from(caughtUp.data()).getString("data.id"));
        resumed.body().close();
    }

    @Test
    void a_bad_filter_is_a_problem_and_the_stream_needs_a_role() {
        As.monitor().queryParam("verdict", "MAYBE").get("/api/stream/verdicts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("verdict"));
        io.restassured.RestAssured.given().get("/api/stream/verdicts").then().statusCode(401);
    }

    private HttpResponse<Stream<String>> open(HttpClient http, Long lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stream + "?admin1=Aleppo"))
                .header("Accept", "text/event-stream")
                .header("Authorization", As.basicHeader(As.AUDITOR));
        if (lastEventId != null) {
            request.header("Last-Event-ID", String.valueOf(lastEventId));
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
    }

    /** Reads SSE events until one about {@code incidentId} comes (others may be interleaved). */
    private static Event next(Iterator<String> lines, String incidentId) throws Exception {
        CompletableFuture<Event> found = CompletableFuture.supplyAsync(() -> {
            long id = -1;
            String name = null;
            StringBuilder data = new StringBuilder();
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("id:")) {
                    id = Long.parseLong(line.substring(3).strip());
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.isEmpty() && data.length() > 0) {
                    Event event = new Event(id, name, data.toString());
                    if (event.data().contains(incidentId)) {
                        return event;
                    }
                    data.setLength(0);
                }
            }
            throw new AssertionError("stream ended");
        });
        return found.get(Duration.ofSeconds(15).toSeconds(), TimeUnit.SECONDS);
    }
}
