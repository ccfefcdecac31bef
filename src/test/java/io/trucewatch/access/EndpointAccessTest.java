package io.trucewatch.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Walks every endpoint the OpenAPI document lists with no credentials and with each role, so an
 * endpoint added without thinking about access fails here (it is not in {@link #ALLOWED}).
 */
@QuarkusTest
class EndpointAccessTest {

    private static final Set<String> ANYONE = Set.of(Roles.MONITOR, Roles.AUDITOR, Roles.ADMIN);
    private static final Set<String> READERS = Set.of(Roles.MONITOR, Roles.AUDITOR);

    /** Who may call what: the README's table, as data. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("GET /api/me", ANYONE),
            Map.entry("GET /api/users", Set.of(Roles.ADMIN)),
            Map.entry("GET /api/actors", ANYONE),
            Map.entry("GET /api/truces", ANYONE),
            Map.entry("GET /api/truces/{id}", ANYONE),
            Map.entry("POST /api/incidents", Set.of(Roles.MONITOR)),
            Map.entry("GET /api/incidents", READERS),
            Map.entry("GET /api/incidents/{id}", READERS),
            Map.entry("POST /api/incidents/{id}/versions", Set.of(Roles.MONITOR)),
            Map.entry("GET /api/incidents/{id}/versions/{version}", READERS),
            Map.entry("GET /api/incidents/{id}/reviews", READERS),
            Map.entry("POST /api/incidents/{id}/reviews", Set.of(Roles.AUDITOR)),
            Map.entry("GET /api/review/queue", Set.of(Roles.AUDITOR)),
            Map.entry("POST /api/imports", Set.of(Roles.MONITOR)),
            Map.entry("GET /api/imports/{id}", READERS),
            Map.entry("GET /api/reports/daily", READERS),
            Map.entry("GET /api/patterns", READERS),
            Map.entry("GET /api/patterns/{id}", READERS),
            Map.entry("POST /api/patterns/{id}/reviews", Set.of(Roles.AUDITOR)),
            Map.entry("POST /api/patterns/{id}/replay", Set.of(Roles.AUDITOR, Roles.ADMIN)),
            Map.entry("GET /api/events/{id}", READERS),
            Map.entry("POST /api/incidents/{id}/event-link", Set.of(Roles.AUDITOR)),
            Map.entry("GET /api/rulesets", Set.of(Roles.ADMIN, Roles.AUDITOR)),
            Map.entry("GET /api/rulesets/{version}", Set.of(Roles.ADMIN, Roles.AUDITOR)),
            Map.entry("POST /api/rulesets/validate", Set.of(Roles.ADMIN)),
            Map.entry("POST /api/rulesets/reload", Set.of(Roles.ADMIN)),
            Map.entry("POST /api/rulesets/dry-run", Set.of(Roles.ADMIN)),
            Map.entry("POST /api/incidents/{id}/replay", Set.of(Roles.AUDITOR, Roles.ADMIN)),
            Map.entry("POST /api/subscriptions", Set.of(Roles.ADMIN)),
            Map.entry("GET /api/subscriptions", Set.of(Roles.ADMIN)),
            Map.entry("GET /api/subscriptions/{id}", Set.of(Roles.ADMIN)),
            Map.entry("DELETE /api/subscriptions/{id}", Set.of(Roles.ADMIN)),
            Map.entry("POST /api/subscriptions/{id}/secret", Set.of(Roles.ADMIN)),
            Map.entry("GET /api/subscriptions/{id}/deliveries", Set.of(Roles.ADMIN)),
            Map.entry("POST /api/subscriptions/{id}/deliveries/{deliveryId}/redeliver", Set.of(Roles.ADMIN)),
            Map.entry("GET /api/stream/verdicts", ANYONE),
            Map.entry("GET /api/audit", Set.of(Roles.AUDITOR)),
            Map.entry("GET /api/audit/verify", Set.of(Roles.AUDITOR)),
            Map.entry("GET /api/audit/checkpoints", Set.of(Roles.AUDITOR)),
            Map.entry("GET /api/audit/checkpoints/latest", Set.of(Roles.AUDITOR)),
            Map.entry("POST /api/audit/checkpoints", Set.of(Roles.AUDITOR, Roles.ADMIN)),
            Map.entry("GET /api/truces/{id}/map", READERS),
            Map.entry("GET /api/vocabulary/event-types", ANYONE));

    private static final Map<String, String> USER_OF_ROLE = Map.of(
            Roles.MONITOR, As.MONITOR, Roles.AUDITOR, As.AUDITOR, Roles.ADMIN, As.ADMIN);

    @Test
    void every_endpoint_declares_who_may_call_it_and_is_refused_to_everyone_else() throws Exception {
        JsonNode paths = openApiPaths();
        List<String> endpoints = endpoints(paths);
        Map<String, String> consumes = requestMediaTypes(paths);
        assertEquals(new TreeSet<>(ALLOWED.keySet()), new TreeSet<>(endpoints),
                "endpoints in the OpenAPI document vs. the access table of this test");
        List<String> wrong = new ArrayList<>();
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String mediaType = consumes.getOrDefault(endpoint, "application/json");
            String path = endpoint.substring(endpoint.indexOf(' ') + 1).replace("{version}", "1").replaceAll("\\{[^}]+}", "no-such-id")
                    // A stream that is allowed would never end: ask for one that is refused for its filter.
                    + (endpoint.equals("GET /api/stream/verdicts") ? "?verdict=NOT-A-VERDICT" : "");
            Response anonymous = call(given(), method, path, mediaType);
            if (anonymous.statusCode() != 401 || anonymous.header("WWW-Authenticate") == null
                    || !anonymous.contentType().startsWith("application/problem+json")) {
                wrong.add(endpoint + " without credentials: " + anonymous.statusCode());
            }
            for (Map.Entry<String, String> role : USER_OF_ROLE.entrySet()) {
                Response answer = call(As.user(role.getValue()), method, path, mediaType);
                int status = answer.statusCode();
                boolean allowed = ALLOWED.get(endpoint).contains(role.getKey());
                // A 404 for the made-up id is fine; a 404 because no method matched the route is not.
                boolean unrouted = answer.asString().contains("/problems/http-404");
                if (allowed ? status == 401 || status == 403 || unrouted : status != 403) {
                    wrong.add(endpoint + " as " + role.getKey() + ": " + status);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void a_wrong_password_or_an_unknown_user_is_401_problem_json() {
        given().auth().preemptive().basic(As.MONITOR, "not-the-password").get("/api/me").then()
                .statusCode(401).contentType("application/problem+json")
                .body("title", equalTo("Authentication required"));
        given().auth().preemptive().basic("nobody", "whatever").get("/api/me").then().statusCode(401);
    }

    @Test
    void the_caller_sees_its_name_and_roles_and_admins_see_the_users_without_hashes() {
        As.auditor().get("/api/me").then().statusCode(200)
                .body("name", equalTo(As.AUDITOR)).body("roles", equalTo(List.of(Roles.AUDITOR)));
        String users = As.admin().get("/api/users").then().statusCode(200)
                .body("name", hasItems(As.MONITOR, As.SECOND_MONITOR, As.AUDITOR, As.SECOND_AUDITOR, As.ADMIN))
                .extract().asString();
        assertTrue(!users.contains("pbkdf2"), users);
    }

    /** A request with a body of the type the endpoint takes (JSON unless the OpenAPI document says otherwise). */
    private static Response call(RequestSpecification request, String method, String path, String mediaType) {
        String body = mediaType.contains("json") ? "{}" : "x\n";
        return switch (method) {
            case "GET" -> request.get(path);
            case "POST" -> request.contentType(mediaType).body(body).post(path);
            case "PUT" -> request.contentType(mediaType).body(body).put(path);
            case "DELETE" -> request.delete(path);
            default -> throw new IllegalArgumentException(method);
        };
    }

    private static JsonNode openApiPaths() throws Exception {
        return new ObjectMapper()
                .readTree(given().accept("application/json").get("/q/openapi?format=json").asString()).get("paths");
    }

    private static Map<String, String> requestMediaTypes(JsonNode paths) {
        Map<String, String> types = new java.util.HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fields().forEachRemaining(op -> {
                JsonNode content = op.getValue().path("requestBody").path("content");
                if (content.size() > 0) {
                    types.put(op.getKey().toUpperCase() + " " + path.getKey(), content.fieldNames().next());
                }
            });
        }
        return types;
    }

    private static List<String> endpoints(JsonNode paths) {
        List<String> endpoints = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(method -> endpoints.add(method.toUpperCase() + " " + path.getKey()));
        }
        return endpoints;
    }
}
