package io.trucewatch.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trucewatch.rulesets.Ruleset;
import io.trucewatch.rulesets.RulesetSnapshot;
import io.trucewatch.truces.Truce;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The pattern scenarios beside the rules in this repository, one test each: every pattern fires at
 * its threshold, is silent one below it and silent when the same reports are spread beyond its
 * window; each scenario also runs reversed and shuffled and must give the same patterns.
 */
class PatternScenarioTest {

    static Ruleset ruleset;

    @BeforeAll
    static void compile() {
        ruleset = Ruleset.compile(RulesetSnapshot.read(Path.of("rules"), Path.of("config")));
    }

    @TestFactory
    Stream<DynamicTest> every_pattern_scenario_gives_exactly_its_patterns_in_any_order() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Truce truce : ruleset.terms().truces().values()) {
            String folder = truce.terms().scenarioFolder() + "patterns/";
            ruleset.snapshot().under(folder).forEach((path, text) -> {
                PatternScenarios.ScenarioFile file = PatternScenarios.read(path, text);
                for (PatternScenarios.ScenarioFile.Entry entry : file.patternScenarios()) {
                    tests.add(DynamicTest.dynamicTest(truce.id() + ": " + entry.name() + " (" + path + ")",
                            () -> assertEquals(List.of(), PatternScenarios.check(ruleset, truce, entry))));
                }
            });
        }
        assertTrue(tests.size() >= 12, "pattern scenarios found: " + tests.size());
        return tests.stream();
    }

    @Test
    void every_pattern_of_every_truce_fires_in_some_scenario_and_is_silent_in_another() {
        PatternScenarios.Result result = PatternScenarios.run(ruleset);
        assertEquals(List.of(), result.failures());
        assertEquals(result.run(), result.passed());
        Map<String, List<String>> patternsByTruce = new TreeMap<>();
        ruleset.terms().truces().values().forEach(t -> patternsByTruce.put(t.id(),
                t.terms().patterns().stream().map(p -> p.id()).toList()));
        assertTrue(patternsByTruce.get("syria-coh-2016").containsAll(List.of("burst", "persistent-non-compliance",
                "coordinated-offensive")), patternsByTruce.toString());
        assertEquals(List.of("repeated-weapon-in-zone"), patternsByTruce.get("minsk-2015"));
    }

    @Test
    void a_pattern_scenario_that_expects_the_wrong_patterns_fails_with_its_file_and_line() {
        String path = "rules/syria-cessation/scenarios/syria-coh-2016/patterns/burst.yaml";
        Map<String, String> files = new TreeMap<>(ruleset.snapshot().files());
        String text = files.get(path);
        String wrong = text.replace("  - name: Two are not\n", "  - name: Two are said to be a burst\n")
                .replaceFirst("(Two are said to be a burst[\\s\\S]*?)patterns: \\[\\]",
                        "$1patterns:\n        - {pattern: burst, party: Government of Syria, verdict: PROBABLE_VIOLATION, reports: [1, 2]}");
        files.put(path, wrong);
        PatternScenarios.Result result = PatternScenarios.run(Ruleset.compile(new RulesetSnapshot(files)));
        int line = wrong.lines().toList().indexOf("  - name: Two are said to be a burst") + 1;
        assertEquals(1, result.failures().size(), result.failures().toString());
        assertEquals(path, result.failures().get(0).file());
        assertEquals(line, result.failures().get(0).line());
    }
}
