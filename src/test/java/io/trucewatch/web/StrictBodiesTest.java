package io.trucewatch.web;

import static io.trucewatch.web.Refusal.assertRefused;
import static io.trucewatch.web.Refusal.message;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.trucewatch.access.As;
import io.trucewatch.alerts.Subscription;
import io.trucewatch.imports.ImportJob;
import io.trucewatch.incidents.Incident;
import io.trucewatch.review.Review;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint that takes a body reads it strictly: UTF-8 only, one JSON value, each field once,
 * no unpaired surrogates, bounded nesting and numbers. Each refusal is a 400 problem naming the
 * field in plain words, and nothing is stored. Bodies are sent as raw bytes, exactly as a client
 * could send them.
 */
@QuarkusTest
class StrictBodiesTest {

    private static final String JSON = "application/json";

    /** A valid report with this external_id; {@code extra} is spliced in as further fields (",\"k\":v"). */
    static String report(String externalId, String extra) {
        return "{\"external_id\":\"" + externalId + "\",\"event_date\":\"2016-04-10\",\"event_type\":\"Battles\","
                + "\"sub_event_type\":\"Armed clash\",\"actor1\":\"SAA\",\"actor2\":\"Free Syrian Army\","
                + "\"admin1\":\"Aleppo\"" + extra + "}";
    }

    static String externalId(String what) {
        return "strict-" + what + "-" + UUID.randomUUID();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static long incidents() {
        return QuarkusTransaction.requiringNew().call(() -> Incident.count());
    }

    static boolean stored(String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> Incident.count("externalId", externalId)) > 0;
    }

    static Response postReport(byte[] body) {
        return As.monitor().contentType(JSON).body(body).post("/api/incidents");
    }

    /** Posts a report body that must be refused, and checks nothing was stored. */
    static JsonPath refusedReport(byte[] body, String externalId, int status, String... fields) {
        long before = incidents();
        JsonPath problem = assertRefused(postReport(body), status, fields);
        assertEquals(before, incidents(), "a refused report writes nothing");
        assertTrue(!stored(externalId), "no incident with external_id " + externalId);
        return problem;
    }

    static String submitted(String externalId) {
        return postReport(utf8(report(externalId, ""))).then().statusCode(201).extract().path("id");
    }

    /** The answer read as UTF-8 whatever charset the client library would assume. */
    static JsonPath utf8Json(Response response, int status) {
        response.then().statusCode(status);
        return JsonPath.from(new String(response.asByteArray(), StandardCharsets.UTF_8));
    }

    @Test
    void bytes_that_are_not_utf8_are_refused_with_their_offset_never_replaced() {
        // Before: both were decoded to "…\uFFFD", one external_id for two different reports.
        String prefix = externalId("utf8");
        for (byte bad : new byte[] {(byte) 0xFE, (byte) 0xFF}) {
            String before = "{\"external_id\":\"" + prefix;
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(utf8(before));
            body.write(bad);
            body.writeBytes(utf8(report("", "").substring("{\"external_id\":\"".length())));
            JsonPath problem = refusedReport(body.toByteArray(), prefix + "\uFFFD", 400, "(body)");
            assertTrue(message(problem, "(body)").contains("offset " + utf8(before).length), problem.prettify());
        }
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Incident.count("externalId like ?1", prefix + "%")));
    }

    @Test
    void an_unpaired_surrogate_is_refused_naming_the_field_in_every_body() {
        String id = externalId("surrogate");
        JsonPath problem = refusedReport(utf8(report(id, ",\"notes\":\"barrel \\ud800 bomb\"")), id, 400, "notes");
        assertTrue(message(problem, "notes").contains("\\uD800"), problem.prettify());
        refusedReport(utf8(report(id, ",\"location\":\"\\udc00\"")), id, 400, "location");

        String incident = submitted(externalId("surrogate-target"));
        // A correction: the same rules as a submission.
        assertRefused(As.monitor().contentType(JSON).body(utf8(report("x", ",\"location\":\"Al-Rai\\ud83d\"")))
                .post("/api/incidents/" + incident + "/versions"), 400, "location");
        As.monitor().get("/api/incidents/" + incident).then().body("versions.size()", equalTo(1));
        // A review: the path names the element of the array.
        assertRefused(As.auditor().contentType(JSON)
                .body(utf8("{\"decision\":\"CONFIRMED\",\"reason\":\"video\",\"violating_parties\":[\"SAA\",\"x\\ud800\"]}"))
                .post("/api/incidents/" + incident + "/reviews"), 400, "violating_parties[1]");
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Review.count("incidentId", incident)));
        // A subscription: the path goes into the filter.
        long subscriptions = QuarkusTransaction.requiringNew().call(() -> Subscription.count());
        assertRefused(As.admin().contentType(JSON)
                .body(utf8("{\"url\":\"https://example.org/hook\",\"filter\":{\"parties\":[\"\\udc00\"]}}"))
                .post("/api/subscriptions"), 400, "filter.parties[0]");
        assertEquals(subscriptions, QuarkusTransaction.requiringNew().call(() -> Subscription.count()));
    }

    @Test
    void nothing_may_follow_the_json_value() {
        String id = externalId("trailing");
        refusedReport(utf8(report(id, "") + " {\"external_id\":\"other\"}"), id, 400, "(body)");
        refusedReport(utf8(report(id, "") + " garbage"), id, 400, "(body)");
        refusedReport(utf8(report(id, "") + ","), id, 400, "(body)");
        postReport(utf8(report(id, "") + "\r\n  ")).then().statusCode(201);
    }

    @Test
    void a_field_sent_twice_is_refused_naming_it_even_when_the_last_value_is_valid() {
        String id = externalId("duplicate");
        JsonPath problem = refusedReport(utf8(report(id, ",\"event_date\":\"2016-04-10\"").replace(
                "\"event_date\":\"2016-04-10\",\"event_type\"", "\"event_date\":\"2016-99-99\",\"event_type\"")),
                id, 400, "event_date");
        assertTrue(message(problem, "event_date").contains("more than once"), problem.prettify());
        String incident = submitted(externalId("duplicate-target"));
        assertRefused(As.auditor().contentType(JSON)
                .body(utf8("{\"decision\":\"ESCALATE\",\"reason\":\"r\",\"decision\":\"ESCALATED\"}"))
                .post("/api/incidents/" + incident + "/reviews"), 400, "decision");
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Review.count("incidentId", incident)));
    }

    @Test
    void deep_nesting_and_long_numbers_are_400s_in_plain_words_not_500s() {
        String id = externalId("limits");
        JsonPath deep = refusedReport(utf8(report(id, ",\"notes\":" + "[".repeat(1500) + "]".repeat(1500))), id, 400,
                "(body)");
        assertTrue(message(deep, "(body)").contains("nested more than " + StrictJson.MAX_DEPTH), deep.prettify());
        JsonPath number = refusedReport(utf8(report(id, ",\"fatalities\":" + "9".repeat(1200))), id, 400, "(body)");
        assertTrue(message(number, "(body)").contains("number longer than " + StrictJson.MAX_NUMBER_LENGTH),
                number.prettify());
        refusedReport(utf8(report(id, ",\"latitude\":36." + "2".repeat(1200) + ",\"longitude\":37.1")), id, 400,
                "(body)");
        long subscriptions = QuarkusTransaction.requiringNew().call(() -> Subscription.count());
        assertRefused(As.admin().contentType(JSON).body(utf8("{\"url\":\"https://example.org/hook\",\"filter\":"
                + "{\"parties\":" + "[".repeat(1200) + "]".repeat(1200) + "}}")).post("/api/subscriptions"), 400, "(body)");
        assertEquals(subscriptions, QuarkusTransaction.requiringNew().call(() -> Subscription.count()));
        // Within the limits: a plain report with a 3-digit number is fine.
        postReport(utf8(report(id, ",\"fatalities\":120"))).then().statusCode(201);
    }

    @Test
    void odd_but_valid_unicode_is_accepted_and_stored_exactly_as_sent() {
        String notes = "😀👍🏽 👨‍👩‍👧 حلب — Донецьк — e\u0301 n\u0303 — \u200Fمرحبا\u200E — 𝔘𝔫𝔦𝔠𝔬𝔡𝔢";
        String id = externalId("unicode-😀");
        // Once as raw UTF-8, once with the emoji escaped as a surrogate pair: both are the same text.
        JsonPath created = utf8Json(postReport(utf8(report(id, ",\"notes\":\"" + notes + "\",\"location\":\"حلب\""))),
                201);
        assertEquals(notes, created.getString("incident.notes"));
        assertEquals(id, created.getString("incident.external_id"));
        JsonPath read = utf8Json(As.auditor().get("/api/incidents/" + created.getString("id")), 200);
        assertEquals(notes, read.getString("incident.notes"));
        assertEquals("حلب", read.getString("incident.location"));
        String escaped = externalId("unicode-escaped");
        JsonPath pair = utf8Json(postReport(utf8(report(escaped, ",\"notes\":\"\\ud83d\\ude00 \\u0627\""))), 201);
        assertEquals("😀 \u0627", pair.getString("incident.notes"));
    }

    @Test
    void an_import_must_be_utf8_and_a_leading_byte_order_mark_is_no_part_of_the_header() {
        long jobs = QuarkusTransaction.requiringNew().call(() -> ImportJob.count());
        byte[] latin1 = "external_id,location\nX1,Sa\u00efd\n".getBytes(StandardCharsets.ISO_8859_1);
        JsonPath problem = assertRefused(As.monitor().contentType("text/csv").body(latin1).post("/api/imports"), 400,
                "(body)");
        assertTrue(message(problem, "(body)").contains("offset " + "external_id,location\nX1,Sa".length()),
                problem.prettify());
        assertRefused(As.monitor().contentType("text/csv").body(utf8("external_id,notes\nx1,\"never closed\n"))
                .post("/api/imports"), 400, "(body)");
        assertEquals(jobs, QuarkusTransaction.requiringNew().call(() -> ImportJob.count()), "nothing queued");
        // As spreadsheet programs save CSV: a byte-order mark first. Before, it made "\uFEFFexternal_id" an unknown column.
        ByteArrayOutputStream withMark = new ByteArrayOutputStream();
        withMark.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        withMark.writeBytes(utf8("external_id,event_date\n"));
        As.monitor().contentType("text/csv").body(withMark.toByteArray()).post("/api/imports").then().statusCode(202)
                .body("total_rows", equalTo(0));
    }

    @Test
    void error_details_never_name_java_types_or_parser_settings() {
        // Unknown fields, wrong types and broken syntax on every kind of body; Refusal checks the words.
        String id = externalId("words");
        refusedReport(utf8(report(id, ",\"severity\":3")), id, 400, "severity");
        refusedReport(utf8("{\"external_id\":\"" + id + "\", 'event_date': NaN}"), id, 400, "(body)");
        refusedReport(utf8("{\"external_id\":\"" + id + "\"/* comment */}"), id, 400, "(body)");
        assertRefused(As.admin().contentType(JSON).body(utf8("{\"versoin\":\"sha256:x\",\"files\":[1]}"))
                .post("/api/rulesets/dry-run"), 400);
        assertRefused(As.admin().contentType(JSON).body(utf8("{\"files\":{\"rules/a.drl\":[1]}}"))
                .post("/api/rulesets/dry-run"), 400);
        assertRefused(As.auditor().contentType(JSON).body(utf8("[\"CONFIRMED\"]"))
                .post("/api/incidents/" + UUID.randomUUID() + "/reviews"), 400, "(body)");
    }
}
