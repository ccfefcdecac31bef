package io.trucewatch.regression;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trucewatch.evaluation.Evaluation;
import io.trucewatch.evaluation.Evaluator;
import io.trucewatch.evaluation.SyriaRulesFixture;
import io.trucewatch.evaluation.TruceEvaluation;
import io.trucewatch.evaluation.facts.Finding;
import io.trucewatch.incidents.ReportParser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The service judged on the real record: every case of the regression set, labelled by the
 * method of src/test/resources/regression/METHOD.md before the service judged it, is submitted as
 * written and its overall verdict compared with the label. Prints the agreement per file and every
 * disagreement with the findings that produced it; fails if agreement falls below the floors
 * (README, "Judged on the real record"), which sit a little under the figures last measured so that
 * a change that makes verdicts worse on real incidents cannot land unnoticed.
 */
class RealRecordRegressionTest {

    private static final Path CASES = Path.of("src/test/resources/regression");

    /** Floors per case file: {file, least exact agreement, least acceptable agreement, least cases}. */
    private static final Object[][] FLOORS = {
        {"minsk-2015.yaml", 0.95, 0.95, 70},
        {"syria-2016.yaml", 0.84, 0.86, 130},
        {"syria-2016-heldout.yaml", 0.80, 0.88, 26},
        {"syria-2016-heldout-2.yaml", 0.80, 0.88, 44},
        {"syria-2016-heldout-3.yaml", 0.83, 0.85, 90},
        {"syria-2016-heldout-4.yaml", 0.78, 0.80, 96},
        {"syria-2016-heldout-5.yaml", 0.80, 0.86, 100},
        {"syria-2016-heldout-6.yaml", 0.87, 0.88, 96},
        {"syria-2016-heldout-7.yaml", 0.80, 0.84, 96},
        {"syria-2016-heldout-8.yaml", 0.80, 0.82, 80},
        {"syria-2016-heldout-9.yaml", 0.85, 0.85, 90},
        {"syria-2016-heldout-10.yaml", 0.80, 0.80, 100},
        {"syria-2016-heldout-11.yaml", 0.77, 0.78, 89},
        {"syria-2016-heldout-12.yaml", 0.50, 0.50, 76},
        {"syria-2016-heldout-13.yaml", 0.55, 0.55, 80},
        {"syria-2016-heldout-14.yaml", 0.75, 0.88, 74},
        {"minsk-heldout.yaml", 0.90, 0.90, 30},
        {"minsk-heldout-2.yaml", 0.90, 0.90, 53},
    };

    record Outcome(RealRecordCase c, String verdict, String why) {
        boolean exact() {
            return c.label().equals(verdict);
        }

        boolean acceptable() {
            return c.acceptable().contains(verdict) || exact();
        }
    }

    @Test
    void verdictsAgreeWithTheLabelsOfRealIncidents() throws IOException {
        List<String> shortfalls = new ArrayList<>();
        List<Outcome> syria = new ArrayList<>();
        int total = 0;
        for (Object[] floor : FLOORS) {
            String file = (String) floor[0];
            List<Outcome> outcomes = judge(CASES.resolve(file));
            total += outcomes.size();
            if (file.startsWith("syria")) {
                syria.addAll(outcomes);
            }
            long exact = outcomes.stream().filter(Outcome::exact).count();
            long acceptable = outcomes.stream().filter(Outcome::acceptable).count();
            double exactShare = (double) exact / outcomes.size();
            double acceptableShare = (double) acceptable / outcomes.size();
            System.out.printf(Locale.ROOT, "real record %-18s %3d cases: exact %5.1f %%, acceptable %5.1f %%%n", file,
                    outcomes.size(), 100 * exactShare, 100 * acceptableShare);
            outcomes.stream().filter(o -> !o.exact()).forEach(o -> System.out.printf(Locale.ROOT,
                    "  %s %-52s label %-18s got %-18s %s%n", o.acceptable() ? "~" : "x", o.c().id(), o.c().label(),
                    o.verdict(), o.why()));
            if (file.startsWith("syria") && file.contains("heldout")) {
                printByTruce("  " + file + " by the truce whose window each case falls in:", outcomes);
            }
            if (outcomes.size() < (int) floor[3]) {
                shortfalls.add(file + ": " + outcomes.size() + " cases, fewer than " + floor[3]);
            }
            if (exactShare < (double) floor[1] || acceptableShare < (double) floor[2]) {
                shortfalls.add(String.format(Locale.ROOT, "%s: exact %.3f (floor %.2f), acceptable %.3f (floor %.2f)",
                        file, exactShare, floor[1], acceptableShare, floor[2]));
            }
        }
        printByTruce("", syria);
        printByMethodRule(syria);
        assertTrue(shortfalls.isEmpty(), "agreement with the real record fell: " + shortfalls + " (" + total + " cases)");
    }

    /**
     * The Syrian cases of every file by the truce whose window they fall in, as an outside
     * evaluation groups them (the February cessation, September's, December's ceasefire).
     */
    private static void printByTruce(String heading, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        if (!heading.isEmpty()) {
            System.out.println(heading);
        }
        Map<String, List<Outcome>> byTruce = outcomes.stream().collect(Collectors.groupingBy(
                o -> truceWindow(LocalDate.parse(o.c().report().path("event_date").asText())), TreeMap::new,
                Collectors.toList()));
        byTruce.forEach((window, cases) -> System.out.printf(Locale.ROOT,
                (heading.isEmpty() ? "real record Syria, " : "    ") + "%-36s %3d cases: %s%n", window, cases.size(),
                agreement(cases)));
    }

    /**
     * The Syrian cases by the METHOD.md rule that gave their label, with the verdicts the service
     * gave where it disagreed: where labels and rules part by policy (a whole rule of the method the
     * rules read otherwise) rather than by a case's facts, it shows as one row.
     */
    private static void printByMethodRule(List<Outcome> outcomes) {
        Map<String, List<Outcome>> byRule = outcomes.stream().collect(Collectors.groupingBy(
                o -> o.c().methodRule() == null ? "?" : o.c().methodRule(), TreeMap::new, Collectors.toList()));
        byRule.forEach((rule, cases) -> System.out.printf(Locale.ROOT,
                "real record Syria, method rule %-4s %3d cases: %s; otherwise %s%n", rule, cases.size(), agreement(cases),
                cases.stream().filter(o -> !o.exact()).collect(Collectors.groupingBy(Outcome::verdict, TreeMap::new,
                        Collectors.counting()))));
    }

    /** "exact  87.2 %, acceptable  90.1 %" for a group of cases. */
    private static String agreement(List<Outcome> cases) {
        return String.format(Locale.ROOT, "exact %5.1f %%, acceptable %5.1f %%",
                100.0 * cases.stream().filter(Outcome::exact).count() / cases.size(),
                100.0 * cases.stream().filter(Outcome::acceptable).count() / cases.size());
    }

    private static String truceWindow(LocalDate day) {
        if (day.isBefore(LocalDate.of(2016, 6, 1))) {
            return "1 cessation of Feb 2016 (to 31 May)";
        }
        return day.isBefore(LocalDate.of(2016, 12, 1)) ? "2 cessation of Sep 2016" : "3 ceasefire of Dec 2016 (to 31 Jan)";
    }

    private static List<Outcome> judge(Path file) throws IOException {
        List<Outcome> outcomes = new ArrayList<>();
        for (RealRecordCase c : RealRecordCase.read(file)) {
            Evaluation evaluation = Evaluator.evaluate(ReportParser.parse(c.report().toString()), SyriaRulesFixture.ruleset());
            outcomes.add(new Outcome(c, evaluation.verdict().name(), decisive(evaluation)));
        }
        return outcomes;
    }

    /** The counting findings of the truces that gave the overall verdict, to read a disagreement by. */
    private static String decisive(Evaluation evaluation) {
        return evaluation.evaluations().stream().filter(e -> e.verdict() == evaluation.verdict())
                .map(RealRecordRegressionTest::findings).collect(Collectors.joining("; "));
    }

    private static String findings(TruceEvaluation e) {
        return e.truce() + ": " + e.findings().stream().filter(f -> !f.answered()).map(Finding::rule)
                .collect(Collectors.joining(","));
    }
}
