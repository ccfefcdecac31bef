package io.trucewatch.patterns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.trucewatch.evaluation.Evaluation;
import io.trucewatch.evaluation.Evaluator;
import io.trucewatch.incidents.IncidentReport;
import io.trucewatch.incidents.ReportParser;
import io.trucewatch.incidents.StoredReports;
import io.trucewatch.patterns.facts.Act;
import io.trucewatch.rulesets.Ruleset;
import io.trucewatch.rulesets.RulesetException;
import io.trucewatch.rulesets.YamlLines;
import io.trucewatch.truces.Truce;
import io.trucewatch.web.ProblemException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * Runs the pattern scenarios beside a truce's scenarios ({@code <scenario folder>/patterns/*.yaml}):
 * a list of reports as monitors would send them, and exactly the patterns they must make. Each
 * scenario is run three times, the reports in the order written, reversed and shuffled (seeded),
 * and must give the same patterns each time: patterns depend on event time, never arrival order.
 * A ruleset whose pattern scenarios fail is not put into service, as for report scenarios.
 */
public final class PatternScenarios {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The YAML shape of a pattern scenario file. */
    record ScenarioFile(List<Entry> patternScenarios) {
        record Entry(String name, List<JsonNode> reports, Expect expect) {
        }

        record Expect(List<ExpectedPattern> patterns) {
        }

        /** {@code reports}: the 1-based positions, in the file, of exactly the reports it holds. */
        record ExpectedPattern(String pattern, String party, String verdict, List<Integer> reports) {
        }
    }

    /** How many scenarios ran and passed, and each failure with its file and line. */
    public record Result(int run, int passed, List<RulesetException.Error> failures) {
    }

    private PatternScenarios() {
    }

    public static Result run(Ruleset ruleset) {
        return run(ruleset, () -> false);
    }

    /** As {@link #run(Ruleset)}, stopping before the next scenario once {@code stop} says so (run: those that ran). */
    public static Result run(Ruleset ruleset, BooleanSupplier stop) {
        List<RulesetException.Error> failures = new ArrayList<>();
        int run = 0;
        int passed = 0;
        for (Truce truce : ruleset.terms().truces().values()) {
            String folder = truce.terms().scenarioFolder() + "patterns/";
            for (var file : ruleset.snapshot().under(folder).entrySet()) {
                String path = file.getKey();
                if (!path.endsWith(".yaml") && !path.endsWith(".yml")) {
                    continue;
                }
                ScenarioFile scenarios;
                try {
                    scenarios = read(path, file.getValue());
                } catch (RulesetException e) {
                    failures.addAll(e.errors());
                    continue;
                }
                List<ScenarioFile.Entry> entries = scenarios.patternScenarios();
                List<Integer> lines = YamlLines.itemLines(file.getValue(), "pattern_scenarios");
                for (int i = 0; i < entries.size(); i++) {
                    if (stop.getAsBoolean()) {
                        return new Result(run, passed, failures);
                    }
                    run++;
                    int line = i < lines.size() ? lines.get(i) : 0;
                    List<String> problems = check(ruleset, truce, entries.get(i));
                    passed += problems.isEmpty() ? 1 : 0;
                    for (String problem : problems) {
                        failures.add(new RulesetException.Error(path, line, 0,
                                "pattern scenario '" + entries.get(i).name() + "': " + problem));
                    }
                }
            }
        }
        return new Result(run, passed, failures);
    }

    /** One scenario file; a file that cannot be read is an error with its line, never a crash. */
    static ScenarioFile read(String path, String text) {
        try {
            ScenarioFile file = YAML.readValue(text, ScenarioFile.class);
            return file == null || file.patternScenarios() == null ? new ScenarioFile(List.of()) : file;
        } catch (JsonProcessingException e) {
            throw new RulesetException(List.of(new RulesetException.Error(path,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(), 0, e.getOriginalMessage())));
        }
    }

    static List<String> check(Ruleset ruleset, Truce truce, ScenarioFile.Entry entry) {
        List<String> problems = new ArrayList<>();
        if (entry.name() == null || entry.reports() == null || entry.expect() == null || entry.expect().patterns() == null) {
            problems.add("a pattern scenario needs name, reports and expect.patterns (an empty list for none)");
            return problems;
        }
        List<Act> acts = new ArrayList<>();
        for (int i = 0; i < entry.reports().size(); i++) {
            IncidentReport report;
            try {
                report = ReportParser.parse(entry.reports().get(i).toString());
            } catch (ProblemException e) {
                problems.add("report " + (i + 1) + " is invalid: " + e.toProblem().errors());
                return problems;
            }
            Evaluation evaluation = Evaluator.evaluate(report, ruleset);
            acts.addAll(ActReading.acts(new ActReading.StoredJudgement("report " + (i + 1), 1,
                    StoredReports.reportJson(report, evaluation.actors()), StoredReports.evaluationsJson(evaluation),
                    StoredReports.initialReviewStatus(evaluation.verdict().name())), ruleset.terms()));
        }
        List<String> found;
        try {
            found = describe(PatternFinder.findAll(ruleset.patterns().get(truce.id()), truce, acts));
        } catch (PatternDetector.PatternRulesDidNotSettle e) {
            problems.add(e.getMessage() + " (a rule keeps inserting facts that its own conditions match)");
            return problems;
        }
        List<String> expected = new ArrayList<>();
        for (ScenarioFile.ExpectedPattern pattern : entry.expect().patterns()) {
            List<String> reports = pattern.reports() == null ? List.of()
                    : pattern.reports().stream().map(n -> "report " + n).sorted().toList();
            expected.add(pattern.pattern() + " by " + pattern.party() + ", " + pattern.verdict() + ", " + reports);
        }
        Collections.sort(expected);
        if (!found.equals(expected)) {
            problems.add("patterns " + found + ", expected " + expected);
        }
        List<Act> reversed = new ArrayList<>(acts);
        Collections.reverse(reversed);
        List<Act> shuffled = new ArrayList<>(acts);
        Collections.shuffle(shuffled, new Random(acts.size()));
        for (List<Act> order : List.of(reversed, shuffled)) {
            List<String> again = describe(PatternFinder.findAll(ruleset.patterns().get(truce.id()), truce, order));
            if (!again.equals(found)) {
                problems.add("the reports in another order make other patterns: " + again + " instead of " + found);
                break;
            }
        }
        return problems;
    }

    private static List<String> describe(List<DetectedPattern> patterns) {
        List<String> out = new ArrayList<>();
        for (DetectedPattern p : patterns) {
            out.add(p.pattern() + " by " + p.party() + ", " + p.verdict() + ", " + new TreeSet<>(p.incidents()).stream().toList());
        }
        Collections.sort(out);
        return out;
    }
}
