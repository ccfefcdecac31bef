package io.trucewatch.rulesets;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The entry point of the process a candidate is checked in ({@link CandidateProcess}): reads the
 * candidate's files as JSON (path → text) from standard input, compiles them and runs their
 * scenarios, and writes what came of it as JSON to standard output. Nothing of the service runs
 * here — no database, no HTTP — so whatever the candidate does to this process (fill its heap,
 * spin its threads) ends with the process.
 */
public final class CandidateCheck {

    /**
     * What the check found: {@code errors}, why it does not compile; {@code scenarioFailures}, the
     * scenarios it fails. Both empty: the candidate may be put into service.
     */
    public record Outcome(String version, List<String> truces, int scenarios, long compileMillis, long scenarioMillis,
            List<RulesetException.Error> errors, List<RulesetException.Error> scenarioFailures) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private CandidateCheck() {
    }

    public static void main(String[] args) throws IOException {
        // Drools and the loaders log to standard output by default; the answer must be alone there.
        PrintStream answer = System.out;
        System.setOut(System.err);
        Map<String, String> files = JSON.readValue(System.in, new TypeReference<TreeMap<String, String>>() {
        });
        JSON.writeValue(answer, check(new RulesetSnapshot(files)));
        answer.flush();
    }

    static Outcome check(RulesetSnapshot candidate) {
        long start = System.nanoTime();
        Ruleset ruleset;
        try {
            ruleset = Ruleset.compile(candidate);
        } catch (RulesetException e) {
            return new Outcome(candidate.version(), List.of(), 0, (System.nanoTime() - start) / 1_000_000, 0, e.errors(),
                    List.of());
        }
        long compiled = System.nanoTime();
        ScenarioRunner.Result scenarios = ScenarioRunner.run(ruleset);
        long checked = System.nanoTime();
        return new Outcome(ruleset.version(), new ArrayList<>(ruleset.terms().truces().keySet()), scenarios.run(),
                (compiled - start) / 1_000_000, (checked - compiled) / 1_000_000, List.of(), scenarios.failures());
    }
}
