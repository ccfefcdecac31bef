package io.trucewatch.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.trucewatch.access.As;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A few thousand generated request bodies against every endpoint that takes one, as an outside
 * tester would send them: bodies generated from the service's own OpenAPI schemas (every property
 * with odd values of its type and of other types, unknown properties, nesting) and byte-level
 * mutations of valid bodies (truncation, flipped bytes, invalid UTF-8, lone surrogates, duplicate
 * keys, trailing garbage, deep nesting, huge numbers, wrong media types). Whatever is sent: no 5xx,
 * every refusal is problem+json without Java names, and a refused request changes no row. The seed
 * is fixed, so a failure names a request that can be sent again.
 */
@QuarkusTest
class ApiFuzzTest {

    private static final long SEED = 20261130L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TABLES = List.of("incident", "incident_version", "review", "subscription",
            "import_job");
    private static final List<String> ODD_STRINGS = List.of("", " ", "\u0000", "\ud800", "\udfff", "a\ud83d",
            "😀", "\u202e", "=cmd|' /C calc'!A0", "\"", "\\", "\n\r", "null", "0", "-1", "1e309", "9".repeat(1200),
            "x".repeat(70_000), "0000-01-01", "9999-12-31", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
            "2016-02-30", "2016-02-27T00:00:00", "2016-13-01", "<script>", "${jndi:ldap://x}", "%s%n", "../../etc/passwd",
            "SELECT 1; DROP TABLE incident;", "حلب", "Донецьк");

    @Inject
    DataSource dataSource;

    private final Random random = new Random(SEED);
    private final Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    private int sent;

    private record Target(String method, String path, Supplier<RequestSpecification> as, String mediaType,
            JsonNode schema, Map<String, Object> valid) {
    }

    @Test
    void generatedAndMutatedBodiesNeverGetA5xxAndRefusalsChangeNothing() throws Exception {
        JsonNode openApi = JSON.readTree(RestAssured.get("/q/openapi?format=json").asString());
        String incidentId = submitValid();
        List<Target> targets = targets(openApi, incidentId);
        for (Target target : targets) {
            int rounds = target.path().contains("rulesets") ? 16 : 600;
            for (int i = 0; i < rounds; i++) {
                boolean generated = i % 2 == 0 && target.schema() != null;
                byte[] body = generated ? JSON.writeValueAsBytes(generate(target.schema(), openApi, 0))
                        : mutate(JSON.writeValueAsBytes(target.valid()));
                String mediaType = random.nextInt(12) == 0 ? oddMediaType() : target.mediaType();
                send(target, body, mediaType, (generated ? "generated #" : "mutated #") + i);
            }
        }
        settle();
        System.out.println("ApiFuzzTest: " + sent + " requests, answers by status " + statuses);
        assertTrue(sent >= 2_000, "a few thousand bodies were sent: " + sent);
    }

    private void send(Target target, byte[] body, String mediaType, String what) throws SQLException {
        Map<String, Long> before = rows();
        RequestSpecification request = target.as().get().body(body);
        if (mediaType != null) {
            request = request.contentType(mediaType);
        }
        Response response = request.request(target.method(), target.path());
        sent++;
        int status = response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        if (status == 201 && target.path().equals("/api/subscriptions")) {
            // A receiver that does not exist would collect failed deliveries (and audit entries)
            // for the rest of the run: the subscription goes as soon as it is made.
            As.admin().delete("/api/subscriptions/" + response.path("id")).then().statusCode(204);
        }
        String description = target.method() + " " + target.path() + " (" + what + ", " + mediaType + "): "
                + abbreviate(new String(body, StandardCharsets.UTF_8)) + " -> " + status + " " + abbreviate(response.asString());
        assertTrue(status < 500, "no 5xx: " + description);
        if (status >= 400) {
            assertTrue(String.valueOf(response.contentType()).startsWith("application/problem+json"),
                    "a refusal is problem+json: " + description);
            String text = response.asString();
            for (String internal : List.of("java.", "com.fasterxml", "Exception", "jackson", "DeserializationFeature")) {
                assertTrue(!text.contains(internal), "no Java names in a refusal ('" + internal + "'): " + description);
            }
            assertEquals(before, rows(), "a refused request changes no row: " + description);
        }
    }

    private List<Target> targets(JsonNode openApi, String incidentId) {
        Map<String, Object> incident = validIncident("fuzz-base");
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("POST", "/api/incidents", As::monitor, "application/json",
                requestSchema(openApi, "/api/incidents"), incident));
        targets.add(new Target("POST", "/api/incidents/" + incidentId + "/versions", As::monitor, "application/json",
                requestSchema(openApi, "/api/incidents/{id}/versions"), validIncident("fuzz-correction")));
        targets.add(new Target("POST", "/api/incidents/" + incidentId + "/reviews", As::auditor, "application/json",
                requestSchema(openApi, "/api/incidents/{id}/reviews"),
                Map.of("decision", "ESCALATED", "reason", "fuzzing the review path")));
        targets.add(new Target("POST", "/api/subscriptions", As::admin, "application/json",
                requestSchema(openApi, "/api/subscriptions"), Map.of("url", "http://127.0.0.1:9/hook")));
        targets.add(new Target("POST", "/api/rulesets/validate", As::admin, "application/json",
                requestSchema(openApi, "/api/rulesets/validate"), Map.of("remove", List.of("rules/none.drl"))));
        targets.add(new Target("POST", "/api/rulesets/dry-run", As::admin, "application/json",
                requestSchema(openApi, "/api/rulesets/dry-run"), Map.of("version", "none")));
        return targets;
    }

    private String submitValid() {
        return As.monitor().contentType("application/json").body(validIncident("fuzz-target"))
                .post("/api/incidents").then().statusCode(org.hamcrest.Matchers.either(org.hamcrest.Matchers.is(201))
                        .or(org.hamcrest.Matchers.is(200))).extract().path("id");
    }

    private static Map<String, Object> validIncident(String externalId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("external_id", externalId);
        body.put("event_date", "2016-04-10");
        body.put("event_type", "Explosions/Remote violence");
        body.put("sub_event_type", "Air/drone strike");
        body.put("actor1", "Military Forces of Syria (2000-)");
        body.put("country", "Syria");
        body.put("admin1", "Aleppo");
        body.put("location", "Aleppo");
        body.put("latitude", 36.2);
        body.put("longitude", 37.16);
        body.put("fatalities", 2);
        body.put("notes", "fuzz base report");
        return body;
    }

    /** The JSON schema of an endpoint's request body, from the service's own OpenAPI document. */
    private static JsonNode requestSchema(JsonNode openApi, String path) {
        JsonNode schema = openApi.path("paths").path(path).path("post").path("requestBody").path("content")
                .path("application/json").path("schema");
        return schema.isMissingNode() ? null : schema;
    }

    private Object generate(JsonNode schema, JsonNode openApi, int depth) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return generate(openApi.path("components").path("schemas").path(name), openApi, depth);
        }
        if (random.nextInt(10) == 0 || depth > 4) {
            return oddValue(depth);
        }
        if (schema.has("enum") && random.nextBoolean()) {
            JsonNode values = schema.get("enum");
            return JSON.convertValue(values.get(random.nextInt(values.size())), Object.class);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> property = it.next();
                    if (random.nextInt(4) != 0) {
                        object.put(property.getKey(), generate(property.getValue(), openApi, depth + 1));
                    }
                }
                if (random.nextInt(8) == 0) {
                    object.put("unexpected_" + random.nextInt(100), oddValue(depth + 1));
                }
                return object;
            }
            case "array" -> {
                List<Object> array = new ArrayList<>();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    array.add(generate(schema.path("items"), openApi, depth + 1));
                }
                return array;
            }
            case "integer", "number" -> {
                return switch (random.nextInt(6)) {
                    case 0 -> 0;
                    case 1 -> -1;
                    case 2 -> Long.MAX_VALUE;
                    case 3 -> 1e308;
                    case 4 -> new java.math.BigInteger("9".repeat(40));
                    default -> random.nextInt(1000);
                };
            }
            case "boolean" -> {
                return random.nextBoolean();
            }
            default -> {
                return ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size()));
            }
        }
    }

    private Object oddValue(int depth) {
        return switch (random.nextInt(7)) {
            case 0 -> null;
            case 1 -> ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size()));
            case 2 -> random.nextInt();
            case 3 -> List.of(ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size())));
            case 4 -> {
                Map<String, Object> nested = new LinkedHashMap<>();
                nested.put("nested", depth < 8 ? oddValue(depth + 1) : "end");
                yield nested;
            }
            case 5 -> -0.0;
            default -> true;
        };
    }

    private byte[] mutate(byte[] valid) {
        String text = new String(valid, StandardCharsets.UTF_8);
        return switch (random.nextInt(12)) {
            case 0 -> java.util.Arrays.copyOf(valid, random.nextInt(valid.length));
            case 1 -> {
                byte[] copy = valid.clone();
                copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                yield copy;
            }
            case 2 -> splice(valid, new byte[] {(byte) 0xC3, (byte) 0x28});
            case 3 -> splice(valid, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}); // a surrogate in UTF-8
            case 4 -> text.replaceFirst("\\{", "{\"notes\":\"\\\\ud800\",").getBytes(StandardCharsets.UTF_8);
            case 5 -> text.replaceFirst("\\{\"(\\w+)\":", "{\"$1\":1,\"$1\":").getBytes(StandardCharsets.UTF_8);
            case 6 -> (text + "garbage").getBytes(StandardCharsets.UTF_8);
            case 7 -> ("[".repeat(1500) + "]".repeat(1500)).getBytes(StandardCharsets.UTF_8);
            case 8 -> text.replaceFirst("\\{", "{\"fatalities\":" + "1".repeat(1100) + ",").getBytes(StandardCharsets.UTF_8);
            case 9 -> new byte[0];
            case 10 -> text.replaceFirst("\\{", "{\"deep\":" + "{\"a\":".repeat(1200) + "1" + "}".repeat(1200) + ",")
                    .getBytes(StandardCharsets.UTF_8);
            default -> text.replace("2016-04-10", List.of("0000-01-01", "9999-12-31", "+999999999-12-31",
                    "2016-04-10T25:00:00Z", "-0001-01-01").get(random.nextInt(5))).getBytes(StandardCharsets.UTF_8);
        };
    }

    private byte[] splice(byte[] valid, byte[] inserted) {
        int at = 1 + random.nextInt(Math.max(1, valid.length - 2));
        byte[] out = new byte[valid.length + inserted.length];
        System.arraycopy(valid, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(valid, at, out, at + inserted.length, valid.length - at);
        return out;
    }

    private String oddMediaType() {
        return List.of("text/plain", "application/xml", "application/json; charset=latin1", "application/octet-stream",
                "text/html").get(random.nextInt(5));
    }

    /** Waits until background work this test caused (deliveries of its events) has stopped writing. */
    private void settle() throws Exception {
        long last = -1;
        for (int i = 0; i < 40; i++) {
            long now = count("audit_entry");
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(500);
        }
    }

    private long count(String table) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Map<String, Long> rows() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static String abbreviate(String text) {
        String one = text.replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }
}
