package io.trucewatch.web;

import static io.trucewatch.web.Refusal.assertRefused;
import static io.trucewatch.web.Refusal.message;
import static io.trucewatch.web.StrictBodiesTest.externalId;
import static io.trucewatch.web.StrictBodiesTest.incidents;
import static io.trucewatch.web.StrictBodiesTest.refusedReport;
import static io.trucewatch.web.StrictBodiesTest.report;
import static io.trucewatch.web.StrictBodiesTest.stored;
import static io.trucewatch.web.StrictBodiesTest.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.trucewatch.access.As;
import io.trucewatch.imports.ImportJob;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The media type a body is sent as, the dates a report and a query may carry, the length of a URI
 * and the size of a body: each refused with a problem that names what this endpoint or field accepts.
 */
@QuarkusTest
class MediaTypesAndLimitsTest {

    @TestHTTPResource("/")
    URI root;

    /** A POST with Basic credentials and no Content-Type at all (rest-assured always sends one). */
    private HttpResponse<String> postWithoutContentType(String path, String user, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(root.toString().replaceAll("/+$", "") + "/" + path))
                .header("Authorization", As.basicHeader(user))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertUnsupported(HttpResponse<String> response, String acceptedType) {
        assertEquals(415, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
        JsonPath problem = JsonPath.from(response.body());
        assertEquals("Content-Type", problem.getString("errors[0].field"));
        assertTrue(problem.getString("detail").contains(acceptedType), response.body());
        Plain.assertPlain(response.body());
    }

    @Test
    void a_body_without_a_content_type_is_a_415_naming_the_type_this_endpoint_takes() throws Exception {
        String id = externalId("no-type");
        long before = incidents();
        assertUnsupported(postWithoutContentType("api/incidents", As.MONITOR, utf8(report(id, ""))), "application/json");
        assertEquals(before, incidents());
        assertTrue(!stored(id));
        long jobs = QuarkusTransaction.requiringNew().call(() -> ImportJob.count());
        assertUnsupported(postWithoutContentType("api/imports", As.MONITOR, utf8("external_id\nx1\n")), "text/csv");
        assertUnsupported(postWithoutContentType("api/subscriptions", As.ADMIN,
                utf8("{\"url\":\"https://example.org/hook\"}")), "application/json");
        assertEquals(jobs, QuarkusTransaction.requiringNew().call(() -> ImportJob.count()));
    }

    @Test
    void wildcards_and_other_types_are_415s_naming_this_endpoints_own_types() {
        String id = externalId("wildcard");
        for (String type : new String[] {"*/*", "application/*", "text/plain", "application/xml"}) {
            long before = incidents();
            JsonPath problem = assertRefused(As.monitor().contentType(type).body(utf8(report(id, "")))
                    .post("/api/incidents"), 415, "Content-Type");
            assertTrue(problem.getString("detail").contains("application/json"), problem.prettify());
            assertEquals(before, incidents());
        }
        assertTrue(!stored(id));
        // The imports take CSV, and their 415 says so (it used to ask for JSON).
        long jobs = QuarkusTransaction.requiringNew().call(() -> ImportJob.count());
        JsonPath imports = assertRefused(As.monitor().contentType("application/json").body(utf8("{\"external_id\":\"x\"}"))
                .post("/api/imports"), 415, "Content-Type");
        assertTrue(imports.getString("detail").contains("text/csv"), imports.prettify());
        assertTrue(!imports.getString("detail").contains("takes a body of type application/json"), imports.prettify());
        assertRefused(As.monitor().contentType("*/*").body(utf8("external_id\nx1\n")).post("/api/imports"), 415,
                "Content-Type");
        assertEquals(jobs, QuarkusTransaction.requiringNew().call(() -> ImportJob.count()));
        // Declared types still pass, with any charset parameter.
        As.monitor().contentType("application/json; charset=UTF-8").body(utf8(report(id, ""))).post("/api/incidents")
                .then().statusCode(201);
    }

    @Test
    void report_dates_must_lie_between_1990_and_tomorrow_even_at_the_limits_of_java_time() {
        String id = externalId("dates");
        String withoutDay = report(id, "").replace("\"event_date\":\"2016-04-10\",", "");
        for (String instant : new String[] {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                "+999999999-12-31T23:59:59.999999999-18:00", "1989-12-31T23:59:59Z"}) {
            JsonPath problem = refusedReport(utf8(withoutDay.replace("}", ",\"occurred_at\":\"" + instant + "\"}")), id,
                    400, "occurred_at");
            assertTrue(message(problem, "occurred_at").contains("1990-01-01"), problem.prettify());
        }
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        for (String day : new String[] {"0000-01-01", "9999-12-31", "+999999999-12-31", "-999999999-01-01",
                "1989-12-31", tomorrow.plusDays(2).toString()}) {
            JsonPath problem = refusedReport(utf8(report(id, "").replace("2016-04-10", day)), id, 400, "event_date");
            assertTrue(message(problem, "event_date").contains("1990-01-01 to " + tomorrow), problem.prettify());
        }
        // The edges themselves are events a report may describe.
        As.monitor().contentType("application/json").body(utf8(report(externalId("first-day"), "")
                .replace("2016-04-10", "1990-01-01"))).post("/api/incidents").then().statusCode(201);
        As.monitor().contentType("application/json").body(utf8(report(externalId("today"), "")
                .replace("2016-04-10", LocalDate.now(ZoneOffset.UTC).toString()))).post("/api/incidents").then()
                .statusCode(201);
    }

    @Test
    void query_dates_must_lie_between_1900_and_2200() {
        assertRefused(As.auditor().queryParam("from", "1899-12-31").get("/api/incidents"), 400, "from");
        assertRefused(As.auditor().queryParam("to", "+999999999-12-31").get("/api/incidents"), 400, "to");
        JsonPath export = assertRefused(As.auditor().accept("text/csv").queryParam("from", "-999999999-01-01")
                .get("/api/incidents"), 400, "from");
        assertTrue(message(export, "from").contains("1900-01-01 to 2200-12-31"), export.prettify());
        assertRefused(As.auditor().queryParam("truce", "syria-coh-2016").queryParam("from", "0001-01-01")
                .queryParam("to", "2016-03-01").get("/api/reports/daily"), 400, "from");
        As.auditor().queryParam("from", "1900-01-01").queryParam("to", "2200-12-31").get("/api/incidents").then()
                .statusCode(200);
    }

    @Test
    void a_uri_beyond_the_limit_is_a_414_problem_and_one_within_it_is_answered() {
        String longest = "x".repeat(4096 - "/api/incidents?admin1=".length());
        As.auditor().queryParam("admin1", longest).get("/api/incidents").then().statusCode(200);
        JsonPath problem = assertRefused(As.auditor().queryParam("admin1", longest + "x").get("/api/incidents"), 414,
                "(uri)");
        assertTrue(problem.getString("detail").contains("4096"), problem.prettify());
        // Well past the old request-line limit of Vert.x (4096), which answered with an empty body.
        assertRefused(As.auditor().queryParam("admin1", "y".repeat(12_000)).get("/api/incidents"), 414, "(uri)");
    }

    /** quarkus.http.limits.max-body-size (20M), in bytes, as the running service reads it. */
    private static long maxBodyBytes() {
        return ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size", MemorySize.class).asLongValue();
    }

    @Test
    void a_body_beyond_the_limit_is_a_413_problem_whether_its_length_is_declared_or_not() throws Exception {
        long before = incidents();
        // Declared: refused from the head alone (Quarkus's own refusal answered an empty 413 here).
        try (Socket socket = connect()) {
            socket.getOutputStream().write(head("Content-Length: " + (maxBodyBytes() + 1)));
            socket.getOutputStream().write("{\"external_id\":".getBytes(StandardCharsets.US_ASCII));
            assertTooLarge(SlowSockets.read(socket));
        }
        // Not declared (chunked): refused once what arrived passes the limit.
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head("Transfer-Encoding: chunked"));
            byte[] chunk = " ".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
            try {
                for (long sent = 0; sent <= maxBodyBytes(); sent += chunk.length) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException closedByServer) {
                // The refusal closes the connection: what was not sent is never read.
            }
            assertTooLarge(SlowSockets.read(socket));
        }
        assertEquals(before, incidents());
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(root.getHost(), root.getPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static byte[] head(String lengthHeader) {
        return ("POST /api/incidents HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: " + As.basicHeader(As.MONITOR) + "\r\nConnection: close\r\n" + lengthHeader
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static void assertTooLarge(SlowSockets.Answer answer) {
        assertEquals(413, answer.status(), answer.body());
        assertTrue(String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json"),
                answer.status() + " " + answer.headers());
        JsonPath problem = JsonPath.from(answer.body());
        assertEquals("(body)", problem.getString("errors[0].field"), answer.body());
        assertTrue(problem.getString("detail").contains(String.valueOf(maxBodyBytes())), answer.body());
        Plain.assertPlain(answer.body());
    }
}
