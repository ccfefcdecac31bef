package io.trucewatch.evaluation;

import io.trucewatch.bench.BenchLogging;
import io.trucewatch.evaluation.facts.Finding;
import io.trucewatch.incidents.IncidentReport;
import io.trucewatch.incidents.ReportParser;
import io.trucewatch.rulesets.Ruleset;
import io.trucewatch.rulesets.RulesetSnapshot;
import io.trucewatch.truces.Truce;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.command.Command;
import org.kie.api.runtime.ExecutionResults;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.command.CommandFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One report judged against the Syria cessation's rules, five ways, side by side:
 * <ul>
 * <li>{@code engine}: the service's path — actor resolution, facts (placement, standing), a pooled
 * session, findings and verdict ({@link Evaluator#evaluate});</li>
 * <li>{@code bareDrools}: the same DRL in a bare stateless session with facts built beforehand —
 * the engine's limit as the performance issue defines it;</li>
 * <li>{@code bareDroolsPooled}: the same with a pooled session, as the engine uses — its tighter limit;</li>
 * <li>{@code handWritten}: the same decisions as Java if/else over the same prebuilt facts — the
 * cost of the decisions alone;</li>
 * <li>{@code handWrittenFromReport}: what a user could write instead of a rules engine, report in
 * and verdict out — the same lookups (actors, standing, who held the place) and if/else for the
 * decisions.</li>
 * </ul>
 * The reports cycle through the seed article's cases. Run: {@code mvn -Pbench -DskipTests
 * test-compile exec:exec -Dbench.args="EngineBenchmark"}.
 *
 * <p>Thirty seconds of warm-up: on two cores the engine is still speeding up after ten (Drools
 * turns each constraint into bytecode after its twentieth use, on a thread of its own, and the JIT
 * compiles the network's paths beside it). Measured on 3 Dec 2026, two-second iterations went 1.6k,
 * 2.6k, 3.1k, 5.6k, 8.9k, 11k, 14k, 16k reports/s and then held at 15-20k; the earlier six seconds
 * of warm-up measured the ramp, and the more rules, the longer the ramp. When comparing with an
 * older build, pass {@code -wi 15 -i 5} so that both warm up alike.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {

    static final List<String> REPORTS = List.of(
            "{\"event_date\":\"2016-04-10\",\"event_type\":\"Explosions/Remote violence\",\"sub_event_type\":\"Air/drone strike\","
                    + "\"actor1\":\"SAA\",\"actor2\":\"Civilians (Syria)\",\"civilian_targeting\":true,\"weapon\":\"barrel bomb\","
                    + "\"country\":\"Syria\",\"admin1\":\"Aleppo\",\"location\":\"Al-Haidariyah\",\"latitude\":36.228,\"longitude\":37.183}",
            "{\"event_date\":\"2016-04-11\",\"event_type\":\"Battles\",\"sub_event_type\":\"Non-state actor overtakes territory\","
                    + "\"actor1\":\"Islamic State (Syria)\",\"actor2\":\"Free Syrian Army\",\"country\":\"Syria\",\"admin1\":\"Aleppo\","
                    + "\"location\":\"Al-Rai\"}",
            "{\"event_date\":\"2016-03-20\",\"event_type\":\"Explosions/Remote violence\",\"sub_event_type\":\"Air/drone strike\","
                    + "\"actor1\":\"Military Forces of Russia (2000-)\",\"actor2\":\"Islamic State (Syria)\",\"weapon\":\"air strike\","
                    + "\"country\":\"Syria\",\"admin1\":\"Homs\",\"location\":\"Palmyra\"}",
            "{\"event_date\":\"2016-04-10\",\"event_type\":\"Battles\",\"sub_event_type\":\"Armed clash\","
                    + "\"actor1\":\"pro-government forces\",\"actor2\":\"Free Syrian Army\",\"country\":\"Syria\",\"admin1\":\"Aleppo\"}",
            "{\"event_date\":\"2016-04-05\",\"event_type\":\"Explosions/Remote violence\",\"sub_event_type\":\"Shelling/artillery/missile attack\","
                    + "\"actor1\":\"Free Syrian Army\",\"actor2\":\"Syrian Arab Army\",\"weapon\":\"mortar\",\"country\":\"Syria\",\"admin1\":\"Aleppo\"}",
            "{\"event_date\":\"2016-02-26\",\"event_type\":\"Explosions/Remote violence\",\"sub_event_type\":\"Air/drone strike\","
                    + "\"actor1\":\"SAA\",\"actor2\":\"Civilians (Syria)\",\"weapon\":\"barrel bomb\",\"country\":\"Syria\",\"admin1\":\"Aleppo\"}");

    Ruleset syria;
    KieBase rules;
    KieSessionsPool pool;
    Truce truce;
    List<IncidentReport> reports;
    List<List<Object>> facts;
    int next;

    @Setup
    public void setUp() {
        BenchLogging.asInService();
        RulesetSnapshot all = RulesetSnapshot.read(Path.of("rules"), Path.of("config"));
        Map<String, String> files = new TreeMap<>(all.files());
        // The February cessation alone, as before the later truces were encoded: the same truce
        // judged with today's map, registry and rules.
        files.keySet().removeIf(path -> path.startsWith("rules/minsk-2015/") || path.startsWith("config/truces/")
                && !path.equals("config/truces/syria-coh-2016.yaml"));
        syria = Ruleset.compile(new RulesetSnapshot(files));
        rules = syria.rules().get("syria-coh-2016");
        pool = rules.newKieSessionsPool(1);
        truce = syria.terms().truces().get("syria-coh-2016");
        reports = REPORTS.stream().map(ReportParser::parse).toList();
        facts = new ArrayList<>();
        for (IncidentReport report : reports) {
            List<Object> built = FactBuilder.facts(new ReportReading(report,
                    ActorResolution.resolve(report, syria.terms().actors()), syria.terms()), syria.terms(), truce);
            facts.add(built);
            Verdict engine = Evaluator.evaluate(report, syria).verdict();
            Verdict handWritten = HandWrittenSyria.judge(built);
            Verdict fromReport = handWrittenFromReport(report);
            Verdict pooled = VerdictCombination.combine("syria-coh-2016", bareDroolsPooledOn(built), List.of()).verdict();
            Verdict bare = VerdictCombination.combine("syria-coh-2016", bare(built), List.of()).verdict();
            if (engine != handWritten || engine != bare || engine != fromReport || engine != pooled) {
                throw new IllegalStateException("the ways disagree on " + report + ": engine " + engine
                        + ", bare " + bare + ", bare pooled " + pooled + ", hand-written " + handWritten
                        + ", hand-written from the report " + fromReport);
            }
        }
    }

    @Benchmark
    public Evaluation engine() {
        return Evaluator.evaluate(reports.get(next++ % reports.size()), syria);
    }

    @Benchmark
    public List<Finding> bareDrools() {
        return bare(facts.get(next++ % facts.size()));
    }

    @Benchmark
    public List<Finding> bareDroolsPooled() {
        return bareDroolsPooledOn(facts.get(next++ % facts.size()));
    }

    List<Finding> bareDroolsPooledOn(List<Object> facts) {
        KieSession session = pool.newKieSession();
        try {
            facts.forEach(session::insert);
            Evaluator.fire(session);
            List<Finding> findings = new ArrayList<>();
            for (Object fact : session.getObjects(o -> o instanceof Finding)) {
                findings.add((Finding) fact);
            }
            return findings;
        } finally {
            session.dispose();
        }
    }

    @Benchmark
    public Verdict handWritten() {
        return HandWrittenSyria.judge(facts.get(next++ % facts.size()));
    }

    @Benchmark
    public Verdict handWrittenFromReport() {
        return handWrittenFromReport(reports.get(next++ % reports.size()));
    }

    Verdict handWrittenFromReport(IncidentReport report) {
        return HandWrittenSyria.judge(FactBuilder.facts(new ReportReading(report,
                ActorResolution.resolve(report, syria.terms().actors()), syria.terms()), syria.terms(), truce));
    }

    @SuppressWarnings("unchecked")
    List<Finding> bare(List<Object> facts) {
        StatelessKieSession session = rules.newStatelessKieSession();
        List<Command<?>> commands = new ArrayList<>();
        commands.add(CommandFactory.newInsertElements(facts));
        commands.add(CommandFactory.newFireAllRules());
        commands.add(KieServices.get().getCommands().newAgendaGroupSetFocus(Evaluator.LAST_WORD));
        commands.add(CommandFactory.newFireAllRules());
        commands.add(CommandFactory.newGetObjects(o -> o instanceof Finding, "findings"));
        ExecutionResults results = session.execute(CommandFactory.newBatchExecution(commands));
        List<Finding> findings = new ArrayList<>();
        for (Object finding : (Iterable<Object>) results.getValue("findings")) {
            findings.add((Finding) finding);
        }
        return findings;
    }
}
