package io.trucewatch.rulesets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trucewatch.audit.CanonicalJson;
import io.trucewatch.evaluation.Evaluator;
import io.trucewatch.incidents.IncidentReport;
import io.trucewatch.incidents.ReportParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Sessions are pooled and reused (see {@link Ruleset}): a reused session must judge exactly like a
 * new one. Every scenario report of both truces, judged many times in shuffled orders by four
 * threads sharing one pool, must give byte for byte the evaluation a never-used session gives.
 */
class PooledSessionsTest {

    @Test
    void aReusedSessionJudgesLikeANewOne() throws Exception {
        Ruleset ruleset = Ruleset.compile(RulesetSnapshot.read(Path.of("rules"), Path.of("config")));
        List<RulesetException.Error> failures = new ArrayList<>();
        List<IncidentReport> reports = ScenarioRunner.read(ruleset.snapshot(), ruleset.terms().truces(), failures)
                .stream().map(s -> ReportParser.parse(s.incident().toString())).toList();
        assertTrue(failures.isEmpty(), failures::toString);
        assertTrue(reports.size() >= 40, "scenario reports: " + reports.size());

        List<String> expected = new ArrayList<>();
        for (IncidentReport report : reports) {
            // A new Ruleset around the same KieBases has empty pools: this session is brand new.
            Ruleset fresh = new Ruleset(ruleset.snapshot(), ruleset.terms(), ruleset.rules(), ruleset.patterns());
            expected.add(CanonicalJson.write(Evaluator.evaluate(report, fresh)));
        }

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> mismatches = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = t;
                mismatches.add(threads.submit(() -> {
                    List<String> wrong = new ArrayList<>();
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < reports.size(); i++) {
                        order.add(i);
                    }
                    Random random = new Random(seed);
                    for (int round = 0; round < 25; round++) {
                        Collections.shuffle(order, random);
                        for (int i : order) {
                            String actual = CanonicalJson.write(Evaluator.evaluate(reports.get(i), ruleset));
                            if (!actual.equals(expected.get(i))) {
                                wrong.add("report " + i + ": " + actual + " != " + expected.get(i));
                            }
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<List<String>> mismatch : mismatches) {
                assertEquals(List.of(), mismatch.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
