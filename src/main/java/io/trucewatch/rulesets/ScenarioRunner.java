package io.trucewatch.rulesets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.trucewatch.evaluation.Evaluation;
import io.trucewatch.evaluation.Evaluator;
import io.trucewatch.evaluation.TruceEvaluation;
import io.trucewatch.incidents.IncidentReport;
import io.trucewatch.incidents.ReportParser;
import io.trucewatch.patterns.PatternScenarios;
import io.trucewatch.truces.Truce;
import io.trucewatch.web.ProblemException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the scenarios stored beside each truce's rules against a compiled ruleset, and checks that
 * they cover every clause that has rules from both sides: some scenario where a rule of the clause
 * decides (gives a finding), and some scenario that asserts none does. A ruleset whose scenarios
 * fail is not put into service. The pattern scenarios beside them ({@link PatternScenarios}) run
 * with them.
 */
public final class ScenarioRunner {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** What a run found: how many scenarios ran and passed, and each failure with its file and line. */
    public record Result(int run, int passed, List<RulesetException.Error> failures) {
        public boolean ok() {
            return failures.isEmpty();
        }
    }

    /** One scenario's problems (none when it passed) and the clauses whose rules decided. */
    private record Outcome(List<String> problems, Set<String> fired) {
    }

    /** What a scenario says when the rules never stopped firing on its report. */
    static final String DID_NOT_SETTLE = "the rules did not settle: they fired " + Evaluator.MAX_FIRINGS
            + " times on this scenario's report (a rule keeps inserting facts that its own conditions match)";

    private ScenarioRunner() {
    }

    public static Result run(Ruleset ruleset) {
        // Rules that do not settle are refused whatever the rest would show, and every scenario
        // they run on costs the full firing limit: once one scenario finds them, no more are run.
        AtomicBoolean unsettled = new AtomicBoolean();
        // The pattern scenarios (a few, each a stream of reports judged one by one) run beside the
        // report scenarios rather than after them: at start-up this gate is the last step before
        // the service listens, and run in turn they left a core idle for about two seconds.
        CompletableFuture<PatternScenarios.Result> patternRun = CompletableFuture.supplyAsync(
                () -> PatternScenarios.run(ruleset, unsettled::get));
        List<RulesetException.Error> failures = new ArrayList<>();
        List<Scenario> scenarios = read(ruleset.snapshot(), ruleset.terms().truces(), failures);
        Map<String, Set<String>> firedClauses = new java.util.HashMap<>();
        Map<String, Set<String>> assertedNotFired = new java.util.HashMap<>();
        int passed = 0;
        // Scenarios are independent evaluations: run them on every core, then fold in file order.
        List<Outcome> outcomes = scenarios.parallelStream().map(scenario -> {
            if (unsettled.get()) {
                return null;
            }
            List<String> problems = new ArrayList<>();
            Set<String> fired = check(scenario, ruleset, problems);
            if (problems.contains(DID_NOT_SETTLE)) {
                unsettled.set(true);
            }
            return new Outcome(problems, fired);
        }).toList();
        if (unsettled.get()) {
            return refusedAsUnsettled(scenarios, outcomes, joined(patternRun).run(), failures);
        }
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario scenario = scenarios.get(i);
            List<String> problems = outcomes.get(i).problems();
            Set<String> fired = outcomes.get(i).fired();
            if (problems.isEmpty()) {
                passed++;
                firedClauses.computeIfAbsent(scenario.truce(), t -> new HashSet<>()).addAll(fired);
                List<String> notFired = scenario.expect().clausesNotFired();
                if (notFired != null) {
                    assertedNotFired.computeIfAbsent(scenario.truce(), t -> new HashSet<>()).addAll(notFired);
                }
            }
            problems.forEach(p -> failures.add(new RulesetException.Error(scenario.file(), scenario.line(), 0,
                    "scenario '" + scenario.name() + "': " + p)));
        }
        for (String truce : ruleset.terms().truces().keySet()) {
            Set<String> clausesWithRules = new TreeSet<>(ruleset.clausesByRule(truce).values());
            for (String clause : clausesWithRules) {
                String where = ruleset.terms().truces().get(truce).terms().scenarioFolder();
                if (!firedClauses.getOrDefault(truce, Set.of()).contains(clause)) {
                    failures.add(new RulesetException.Error(where, 0, 0, "no passing scenario of truce '" + truce
                            + "' has a rule of clause '" + clause + "' decide"));
                }
                if (!assertedNotFired.getOrDefault(truce, Set.of()).contains(clause)) {
                    failures.add(new RulesetException.Error(where, 0, 0, "no passing scenario of truce '" + truce
                            + "' asserts that clause '" + clause + "' does not decide (clauses_not_fired)"));
                }
            }
        }
        PatternScenarios.Result patterns = joined(patternRun);
        failures.addAll(patterns.failures());
        return new Result(scenarios.size() + patterns.run(), passed + patterns.passed(), failures);
    }

    /** The pattern scenarios' result; what they threw is thrown as it was, as when they ran on this thread. */
    private static PatternScenarios.Result joined(CompletableFuture<PatternScenarios.Result> run) {
        try {
            return run.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException thrown) {
                throw thrown;
            }
            if (e.getCause() instanceof Error thrown) {
                throw thrown;
            }
            throw e;
        }
    }

    /**
     * The result when the rules did not settle on some scenario: the scenarios that found it, and
     * how many were not run. Coverage and the pattern scenarios are not checked: they would only
     * repeat the same refusal at the same cost (those already under way stop before their next).
     */
    private static Result refusedAsUnsettled(List<Scenario> scenarios, List<Outcome> outcomes, int patternsRun,
            List<RulesetException.Error> failures) {
        int run = 0;
        Scenario first = null;
        for (int i = 0; i < scenarios.size(); i++) {
            Outcome outcome = outcomes.get(i);
            if (outcome == null) {
                continue;
            }
            run++;
            Scenario scenario = scenarios.get(i);
            if (outcome.problems().contains(DID_NOT_SETTLE)) {
                first = first == null ? scenario : first;
                failures.add(new RulesetException.Error(scenario.file(), scenario.line(), 0,
                        "scenario '" + scenario.name() + "': " + DID_NOT_SETTLE));
            }
        }
        failures.add(new RulesetException.Error(first.file(), first.line(), 0, (scenarios.size() - run) + " of "
                + scenarios.size() + " scenarios and the pattern scenarios not yet under way were not run: rules that "
                + "do not settle are refused whatever the rest would show"));
        return new Result(run + patternsRun, 0, failures);
    }

    /** Evaluates one scenario; adds what did not come out as expected; returns the clauses that fired. */
    static Set<String> check(Scenario scenario, Ruleset ruleset, List<String> problems) {
        IncidentReport report;
        try {
            report = ReportParser.parse(scenario.incident().toString());
        } catch (ProblemException e) {
            problems.add("invalid incident: " + e.toProblem().errors());
            return Set.of();
        }
        Scenario.Expectation expect = scenario.expect();
        // Every truce is judged only where the scenario expects the overall verdict; otherwise its
        // own truce alone, as the full evaluation would judge it (a quarter of the work at start-up).
        Evaluation evaluation = expect.overallVerdict() == null ? null : Evaluator.evaluate(report, ruleset);
        TruceEvaluation result = evaluation == null ? Evaluator.evaluate(report, ruleset, scenario.truce())
                : evaluation.of(scenario.truce());
        // A clause "fires" when one of its rules decides something (gives a finding no other finding
        // answers); marker rules such as inside-truce-scope fire on every report and decide nothing.
        if (result.findings().stream().anyMatch(f -> f.rule().equals(Evaluator.DID_NOT_SETTLE))) {
            problems.add(DID_NOT_SETTLE);
            return Set.of();
        }
        Set<String> fired = new TreeSet<>();
        result.findings().stream().filter(finding -> !finding.answered()).forEach(finding -> fired.add(finding.clause()));
        if (!Objects.equals(expect.verdict(), result.verdict().name())) {
            problems.add("verdict " + result.verdict() + ", expected " + expect.verdict() + " (fired "
                    + result.firedRules() + ")");
        }
        if (evaluation != null && !expect.overallVerdict().equals(evaluation.verdict().name())) {
            problems.add("overall verdict " + evaluation.verdict() + ", expected " + expect.overallVerdict());
        }
        if (expect.violatingParties() != null
                && !new TreeSet<>(expect.violatingParties()).equals(new TreeSet<>(result.violatingParties()))) {
            problems.add("violating parties " + result.violatingParties() + ", expected " + expect.violatingParties());
        }
        for (String rule : nonNull(expect.firedRules())) {
            if (!result.firedRules().contains(rule)) {
                problems.add("rule '" + rule + "' did not fire (fired " + result.firedRules() + ")");
            }
        }
        for (String rule : nonNull(expect.notFiredRules())) {
            if (result.firedRules().contains(rule)) {
                problems.add("rule '" + rule + "' fired, and must not");
            }
        }
        for (String clause : nonNull(expect.clausesNotFired())) {
            if (fired.contains(clause)) {
                problems.add("a rule of clause '" + clause + "' decided, and must not (findings "
                        + result.findings().stream().map(f -> f.rule()).toList() + ")");
            }
        }
        return fired;
    }

    /** Every scenario file of every truce; a file that cannot be read is a failure, not a crash. */
    static List<Scenario> read(RulesetSnapshot snapshot, Map<String, Truce> truces, List<RulesetException.Error> failures) {
        List<Scenario> scenarios = new ArrayList<>();
        for (String truce : new TreeSet<>(truces.keySet())) {
            String folder = truces.get(truce).terms().scenarioFolder();
            snapshot.under(folder).forEach((path, text) -> {
                // A shared rule set keeps each truce's scenarios in a folder of its own below.
                boolean own = path.indexOf('/', folder.length()) < 0;
                if (!own || !path.endsWith(".yaml") && !path.endsWith(".yml")) {
                    return;
                }
                try {
                    ScenarioFile file = YAML.readValue(text, ScenarioFile.class);
                    List<ScenarioFile.Entry> entries = file.scenarios() == null ? List.of() : file.scenarios();
                    List<Integer> lines = YamlLines.itemLines(text, "scenarios");
                    for (int i = 0; i < entries.size(); i++) {
                        ScenarioFile.Entry entry = entries.get(i);
                        int line = i < lines.size() ? lines.get(i) : 0;
                        if (entry.name() == null || entry.incident() == null || entry.expect() == null
                                || entry.expect().verdict() == null) {
                            failures.add(new RulesetException.Error(path, line, 0,
                                    "a scenario needs name, incident and expect.verdict"));
                            continue;
                        }
                        scenarios.add(new Scenario(path, line, truce, entry.name(), entry.incident(), entry.expect()));
                    }
                } catch (JsonProcessingException e) {
                    failures.add(new RulesetException.Error(path, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                            0, e.getOriginalMessage()));
                }
            });
        }
        return scenarios;
    }

    private static List<String> nonNull(List<String> list) {
        return list == null ? List.of() : list;
    }

    /** The YAML shape of a scenario file. */
    record ScenarioFile(List<Entry> scenarios) {
        record Entry(String name, JsonNode incident, Scenario.Expectation expect) {
        }
    }
}
