package io.trucewatch.rulesets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The scenarios beside the rules in this repository, one test each, and their coverage of every
 * clause from both sides. The same runner gates every activation of a ruleset in the service.
 */
class ScenarioTest {

    static Ruleset ruleset;

    @BeforeAll
    static void compile() {
        ruleset = Ruleset.compile(RulesetSnapshot.read(Path.of("rules"), Path.of("config")));
    }

    @TestFactory
    Stream<DynamicTest> every_scenario_decides_as_expected() {
        List<RulesetException.Error> unreadable = new ArrayList<>();
        List<Scenario> scenarios = ScenarioRunner.read(ruleset.snapshot(), ruleset.terms().truces(), unreadable);
        assertEquals(List.of(), unreadable);
        assertTrue(scenarios.size() >= 10, "scenarios found: " + scenarios.size());
        return scenarios.stream().map(scenario -> DynamicTest.dynamicTest(
                scenario.truce() + ": " + scenario.name() + " (" + scenario.file() + ":" + scenario.line() + ")", () -> {
                    List<String> problems = new ArrayList<>();
                    ScenarioRunner.check(scenario, ruleset, problems);
                    assertEquals(List.of(), problems);
                }));
    }

    @Test
    void every_clause_with_rules_decides_in_some_scenario_and_is_silent_in_another() {
        ScenarioRunner.Result result = ScenarioRunner.run(ruleset);
        assertEquals(List.of(), result.failures());
        assertEquals(result.run(), result.passed());
    }

    @Test
    void a_scenario_that_expects_the_wrong_verdict_fails_with_its_file_and_line() {
        RulesetSnapshot broken = TestFiles.withFile(ruleset.snapshot(), "rules/syria-cessation/scenarios/syria-coh-2016/wrong.yaml", """
                scenarios:
                  - name: barrel bombs said to be fine
                    incident: {event_date: "2016-04-10", event_type: Explosions/Remote violence,
                               sub_event_type: Air/drone strike, actor1: SAA, actor2: Civilians (Syria),
                               civilian_targeting: true, weapon: barrel bomb, country: Syria, admin1: Aleppo}
                    expect: {verdict: NOT_A_VIOLATION}
                """);
        ScenarioRunner.Result result = ScenarioRunner.run(Ruleset.compile(broken));
        assertEquals(1, result.failures().size(), result.failures().toString());
        RulesetException.Error failure = result.failures().get(0);
        assertEquals("rules/syria-cessation/scenarios/syria-coh-2016/wrong.yaml", failure.file());
        assertEquals(2, failure.line());
        assertTrue(failure.message().contains("verdict PROBABLE_VIOLATION, expected NOT_A_VIOLATION"), failure.message());
    }

    @Test
    void rules_that_never_settle_are_refused_at_the_first_scenario_that_finds_it_without_running_the_rest() {
        RulesetSnapshot echoing = TestFiles.withFile(ruleset.snapshot(), "rules/syria-cessation/echo.drl", """
                package rules.syria_cessation;

                import rules.common.InScope;

                rule "echo-in-scope"
                    @clause("scope")
                when
                    $s : InScope()
                then
                    insert(new InScope($s.getTruceId()));
                end
                """);
        ScenarioRunner.Result result = ScenarioRunner.run(Ruleset.compile(echoing));
        int scenarios = ScenarioRunner.read(ruleset.snapshot(), ruleset.terms().truces(), new ArrayList<>()).size();
        assertTrue(result.failures().stream().anyMatch(f -> f.message().contains("did not settle")), result.failures().toString());
        assertTrue(result.failures().stream().anyMatch(f -> f.message().contains("were not run")), result.failures().toString());
        assertTrue(result.run() < scenarios, "scenarios run " + result.run() + " of " + scenarios);
        assertEquals(0, result.passed());
    }
}
