package io.trucewatch.rulesets;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.trucewatch.access.As;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Changing the terms without a restart, over HTTP, on a copy of rules/ and config/: validate,
 * reload (and its refusal), reload under load, dry-run and replay.
 */
@QuarkusTest
@TestProfile(RulesetLifecycleTest.OnACopy.class)
class RulesetLifecycleTest {

    static final Path COPY = Path.of("target/lifecycle-test");
    static final Path RULES = COPY.resolve("rules");
    static final Path CONFIG = COPY.resolve("config");
    static final String ATTACKS = "rules/syria-cessation/attacks.drl";

    /** The service reads a copy of the rules, which the tests change. */
    public static class OnACopy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                TestFiles.replaceTree(Path.of("rules"), RULES);
                TestFiles.replaceTree(Path.of("config"), CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("trucewatch.rules-dir", RULES.toString(), "trucewatch.config-dir", CONFIG.toString());
        }
    }

    static final Map<String, Object> BARREL_BOMB = Map.of("event_date", "2016-04-10",
            "event_type", "Explosions/Remote violence", "sub_event_type", "Air/drone strike",
            "actor1", "SAA", "actor2", "Civilians (Syria)", "civilian_targeting", true, "weapon", "barrel bomb",
            "country", "Syria", "admin1", "Aleppo", "location", "Al-Haidariyah");

    @AfterEach
    void restoreTheFilesAndReload() throws IOException {
        TestFiles.replaceTree(Path.of("rules"), RULES);
        TestFiles.replaceTree(Path.of("config"), CONFIG);
        reload().then().statusCode(200);
    }

    static String activeVersion() {
        return As.admin().get("/api/rulesets").then().statusCode(200).extract()
                .path("items.find { it.active }.version");
    }

    static String attacks() throws IOException {
        return Files.readString(RULES.resolve("syria-cessation/attacks.drl"));
    }

    static JsonPath submit() {
        return As.monitor().contentType(ContentType.JSON).body(BARREL_BOMB).post("/api/incidents").then()
                .statusCode(201).extract().jsonPath();
    }

    @Test
    void validate_compiles_a_candidate_in_isolation_and_names_file_and_line_of_each_error() throws IOException {
        String before = activeVersion();
        String broken = attacks().replaceFirst("HostileAct\\(\\)", "HostileAct( ,");
        int line = TestFiles.lineOf(broken, "HostileAct( ,");
        As.admin().contentType(ContentType.JSON).body(Map.of("files", Map.of(ATTACKS, broken)))
                .post("/api/rulesets/validate").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-ruleset"))
                .body("errors[0].file", equalTo(ATTACKS))
                .body("errors[0].line", equalTo(line))
                .body("errors[0].message", not(equalTo("")));
        String commented = attacks() + "\n// reviewed 2026-11-25\n";
        String candidate = As.admin().contentType(ContentType.JSON).body(Map.of("files", Map.of(ATTACKS, commented)))
                .post("/api/rulesets/validate").then().statusCode(200)
                .body("valid", equalTo(true)).body("scenarios", greaterThan(30))
                .extract().path("version");
        assertNotEquals(before, candidate);
        assertEquals(before, activeVersion(), "validation puts nothing into service");
        // A candidate whose scenario fails is refused with the scenario's file and line.
        As.admin().contentType(ContentType.JSON).body(Map.of("files", Map.of(
                "rules/syria-cessation/scenarios/syria-coh-2016/wrong.yaml", """
                        scenarios:
                          - name: wrong on purpose
                            incident: {event_date: "2016-04-10", event_type: Protests, sub_event_type: Peaceful protest,
                                       actor1: Protesters (Syria), country: Syria, admin1: Idleb}
                            expect: {verdict: PROBABLE_VIOLATION}
                        """)))
                .post("/api/rulesets/validate").then().statusCode(422)
                .body("errors[0].file", equalTo("rules/syria-cessation/scenarios/syria-coh-2016/wrong.yaml"))
                .body("errors[0].line", equalTo(2));
        // A path outside rules/ and config/ is refused.
        As.admin().contentType(ContentType.JSON).body(Map.of("files", Map.of("../etc/passwd", "x")))
                .post("/api/rulesets/validate").then().statusCode(422).body("errors[0].file", equalTo("../etc/passwd"));
    }

    @Test
    void a_zip_of_the_whole_tree_is_a_candidate_too_and_the_same_files_are_the_same_version() throws IOException {
        As.admin().contentType("application/zip").body(zip(COPY)).post("/api/rulesets/validate").then()
                .statusCode(200).body("version", equalTo(activeVersion()));
    }

    @Test
    void reload_swaps_in_a_good_candidate_and_refuses_a_bad_one_while_the_old_keeps_serving() throws IOException {
        String first = activeVersion();
        Files.writeString(RULES.resolve("syria-cessation/attacks.drl"), attacks() + "\n// reviewed\n");
        String second = reload().then().statusCode(200)
                .body("changed", equalTo(true)).body("previous_version", equalTo(first))
                .extract().path("active_version");
        assertNotEquals(first, second);
        assertEquals(second, submit().getString("ruleset_version"));
        As.auditor().get("/api/rulesets").then()
                .body("items.find { it.version == '" + second + "' }.activations[0].activated_by", equalTo(As.ADMIN))
                .body("items.find { it.version == '" + second + "' }.activations[0].trigger", equalTo("RELOAD"));
        reload().then().statusCode(200).body("changed", equalTo(false));

        Files.writeString(RULES.resolve("syria-cessation/attacks.drl"), attacks().replaceFirst("HostileAct\\(\\)", "HostileAct( ,"));
        reload().then().statusCode(422).body("errors[0].file", equalTo(ATTACKS));
        assertEquals(second, activeVersion());
        assertEquals(second, submit().getString("ruleset_version"), "the ruleset in service keeps serving");
        As.auditor().queryParam("size", 200).get("/api/audit").then()
                .body("items.type", hasItem("RULESET_REJECTED"))
                .body("items.find { it.type == 'RULESET_REJECTED' }.principal", equalTo(As.ADMIN))
                .body("items.find { it.type == 'RULESET_REJECTED' }.data.errors[0].file", equalTo(ATTACKS));
        As.monitor().post("/api/rulesets/reload").then().statusCode(403);
    }

    /** An administrator's reload, answered however long the check of the candidate takes. */
    static Response reload() {
        return As.admin().config(patientClient()).post("/api/rulesets/reload");
    }

    /**
     * For reloads: compiling every truce's rules and running the scenario gate takes 11-15 s on CI's
     * two cores when idle, 25-40 s beside reports pouring in, and passed the tests' default 30 s read
     * timeout even idle on a slow day of the shared machine (3 Dec 2026). What is tested is what a
     * reload does, not how fast it returns (the service bounds it: trucewatch.rules.check-timeout).
     */
    private static RestAssuredConfig patientClient() {
        return RestAssured.config().httpClient(RestAssured.config().getHttpClientConfig()
                .setParam("http.socket.timeout", 180_000));
    }

    @Test
    void reloading_while_reports_pour_in_fails_no_request_and_every_verdict_names_its_version() throws Exception {
        Set<String> activated = ConcurrentHashMap.newKeySet();
        activated.add(activeVersion());
        AtomicBoolean stop = new AtomicBoolean();
        // Two clients that pause between reports: reports keep arriving through every reload, and the
        // reload's compilation still gets a core (four clients posting flat out on CI's two cores
        // starved it: 91 s for a 13 s compilation).
        ExecutorService clients = Executors.newFixedThreadPool(2);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            results.add(clients.submit(() -> {
                List<String> outcomes = new ArrayList<>();
                while (!stop.get()) {
                    var response = As.monitor().contentType(ContentType.JSON).body(BARREL_BOMB).post("/api/incidents");
                    outcomes.add(response.statusCode() + " " + response.jsonPath().getString("ruleset_version"));
                    Thread.sleep(20);
                }
                return outcomes;
            }));
        }
        String original = attacks();
        for (int i = 0; i < 4; i++) {
            Files.writeString(RULES.resolve("syria-cessation/attacks.drl"), original + "\n// revision " + i + "\n");
            activated.add(reload().then().statusCode(200)
                    .extract().path("active_version"));
        }
        stop.set(true);
        List<String> outcomes = new ArrayList<>();
        for (Future<List<String>> result : results) {
            outcomes.addAll(result.get());
        }
        clients.shutdown();
        assertEquals(5, activated.size(), "four reloads, four new versions");
        assertTrue(outcomes.size() > 8, "reports were posted during the reloads: " + outcomes.size());
        for (String outcome : outcomes) {
            String[] parts = outcome.split(" ");
            assertEquals("201", parts[0], outcome);
            assertTrue(activated.contains(parts[1]), "verdict from a version that was in service: " + outcome);
        }
    }

    @Test
    void a_dry_run_shows_what_a_candidate_would_change_and_changes_nothing() {
        String id = submit().getString("id");
        submit();
        long before = As.auditor().get("/api/audit").then().extract().jsonPath().getLong("total");
        JsonPath dryRun = As.admin().contentType(ContentType.JSON).body(Map.of("remove", List.of(ATTACKS)))
                .queryParam("size", 1).post("/api/rulesets/dry-run").then().statusCode(200).extract().jsonPath();
        assertTrue(dryRun.getLong("reports") >= 2);
        assertTrue(dryRun.getLong("matrix.PROBABLE_VIOLATION.NEEDS_REVIEW") >= 2, dryRun.prettify());
        assertEquals(dryRun.getLong("changed"), dryRun.getLong("changes.total"));
        assertEquals(1, dryRun.getList("changes.items").size(), "one page of size 1");
        assertEquals("NEEDS_REVIEW", dryRun.getString("changes.items[0].to"));
        assertTrue(!dryRun.getList("scenario_failures").isEmpty(), "without attacks.drl, scenarios fail");
        assertEquals(before, As.auditor().get("/api/audit").then().extract().jsonPath().getLong("total"),
                "a dry run writes nothing");
        As.monitor().get("/api/incidents/" + id).then().body("verdict", equalTo("PROBABLE_VIOLATION"))
                .body("versions.size()", equalTo(1));
        As.admin().contentType(ContentType.JSON).body(Map.of("version", activeVersion()))
                .post("/api/rulesets/dry-run").then().statusCode(200).body("changed", equalTo(0));
        As.admin().contentType(ContentType.JSON).body(Map.of("version", "sha256:nope"))
                .post("/api/rulesets/dry-run").then().statusCode(400).body("errors[0].field", equalTo("version"));
    }

    @Test
    void replay_reproduces_a_verdict_under_its_own_version_and_shows_what_would_change_today() throws IOException {
        JsonPath stored = submit();
        String id = stored.getString("id");
        As.auditor().post("/api/incidents/" + id + "/replay").then().statusCode(200)
                .body("reproduced", equalTo(true)).body("changed_today", equalTo(false))
                .body("under_original.verdict", equalTo("PROBABLE_VIOLATION"));
        // A new version in service explains the barrel-bomb finding in other words.
        Files.writeString(RULES.resolve("syria-cessation/attacks.drl"),
                attacks().replace("a weapon that cannot distinguish civilians from fighters", "an indiscriminate weapon"));
        String newer = reload().then().statusCode(200).extract().path("active_version");
        As.auditor().post("/api/incidents/" + id + "/replay").then().statusCode(200)
                .body("reproduced", equalTo(true))
                .body("changed_today", equalTo(true))
                .body("stored.ruleset_version", equalTo(stored.getString("ruleset_version")))
                .body("under_original.ruleset_version", equalTo(stored.getString("ruleset_version")))
                .body("under_active.ruleset_version", equalTo(newer))
                .body("under_active.verdict", equalTo("PROBABLE_VIOLATION"));
        As.monitor().post("/api/incidents/" + id + "/replay").then().statusCode(403);
    }

    private static byte[] zip(Path root) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8);
                var paths = Files.walk(root)) {
            for (Path file : paths.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(root.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
