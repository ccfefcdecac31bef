package io.trucewatch.rulesets.safety;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.trucewatch.access.As;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An administrator's candidate, sent to {@code POST /api/rulesets/validate}, that tries to do more
 * than judge: before, each of these stopped the JVM, ran a command, spun forever or filled the
 * heap, and the answer was "valid" or none. Now each is refused with its file and line and the
 * service keeps serving (this test's JVM is the service: had the exit run, the test would not end).
 */
@QuarkusTest
class HostileCandidateTest {

    private static final String FILE = "rules/syria-cessation/probe.drl";

    private static String rule(String when, String then) {
        return """
                package rules.syria_cessation;

                import io.trucewatch.evaluation.Verdict;
                import io.trucewatch.evaluation.facts.Finding;
                import io.trucewatch.evaluation.facts.Report;
                import rules.common.InScope;

                rule "probe"
                    @clause("scope")
                when
                    %s
                then
                    %s
                end
                """.formatted(when, then);
    }

    /**
     * The service bounds a candidate's check itself (a separate process, stopped after
     * trucewatch.rules.check-timeout, 120 s). A check on a loaded two-core machine has come close to
     * the tests' default 30 s read timeout (when rules that never settle were still run to their
     * firing limit in every scenario; now the first scenario that finds it stops the rest). What is
     * tested is the refusal and that the service keeps serving, not how fast the check returns: the
     * client waits past the service's own bound.
     */
    private static io.restassured.response.ValidatableResponse validate(Map<String, Object> files) {
        return As.admin().config(RestAssured.config().httpClient(RestAssured.config().getHttpClientConfig()
                        .setParam("http.socket.timeout", 150_000)))
                .contentType(ContentType.JSON).body(Map.of("files", files))
                .post("/api/rulesets/validate").then();
    }

    private static void refused(String text, int line, String reason) {
        validate(Map.of(FILE, text)).statusCode(422).contentType("application/problem+json")
                .body("errors[0].file", equalTo(FILE)).body("errors[0].line", equalTo(line))
                .body("errors[0].message", containsString(reason));
        RestAssured.get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aConsequenceThatExitsTheJvmIsRefusedAndTheServiceKeepsServing() {
        refused(rule("Report()", "System.exit(0);"), 13, "'exit(…)' is not a method");
    }

    @Test
    void aConsequenceThatRunsACommandIsRefusedAndTheCommandNeverRuns() throws Exception {
        Path marker = Path.of("target/hostile-candidate-ran");
        Files.deleteIfExists(marker);
        refused(rule("Report()", "Runtime.getRuntime().exec(new String[] {\"touch\", \"" + marker.toAbsolutePath() + "\"});"),
                13, "is not a method");
        Thread.sleep(200);
        assertFalse(Files.exists(marker), "the command must not have run");
    }

    @Test
    void aLoopIsRefusedInsteadOfSpinningForever() {
        refused(rule("Report()", "while (true) { }"), 13, "may not contain a loop");
    }

    @Test
    void theClockIsRefusedHoweverItIsReached() {
        refused(rule("Report()", "insert(new InScope(java.time.Clock.systemUTC().toString()));"), 13, "wall clock");
    }

    @Test
    void aRuleThatInsertsWhatItMatchesForeverIsStoppedAndRefusedByItsScenarios() {
        String echo = rule("$s : InScope()", "insert(new InScope($s.getTruceId()));");
        validate(Map.of(FILE, echo)).statusCode(422)
                .body("errors.message", org.hamcrest.Matchers.hasItem(containsString("did not settle")));
        RestAssured.get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aFileWithoutContentIsAnErrorNamingItNotA500() {
        Map<String, Object> files = new HashMap<>();
        files.put(FILE, null);
        validate(files).statusCode(422).body("errors[0].file", equalTo(FILE))
                .body("errors[0].message", containsString("no content"));
    }

    @Test
    void aRuleThatOnlyJudgesIsStillValid() {
        String judging = rule("Report( country == \"Narnia\" )",
                "insert(Finding.of(drools.getRule(), Verdict.OUT_OF_SCOPE, \"not a real country\"));");
        validate(Map.of(FILE, judging)).statusCode(200).body("valid", equalTo(true));
    }
}
