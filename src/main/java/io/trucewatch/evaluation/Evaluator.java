package io.trucewatch.evaluation;

import io.trucewatch.evaluation.facts.Finding;
import io.trucewatch.incidents.IncidentReport;
import io.trucewatch.rulesets.Ruleset;
import io.trucewatch.truces.Truce;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * Judges a report against every truce of a ruleset. A pure function of (report, ruleset): an empty
 * session per truce (pooled, see {@link Ruleset}), no wall clock, no shared state, so any verdict
 * can be replayed.
 */
public final class Evaluator {

    private Evaluator() {
    }

    public static Evaluation evaluate(IncidentReport report, Ruleset ruleset) {
        List<ResolvedActor> actors = ActorResolution.resolve(report, ruleset.terms().actors());
        List<TruceEvaluation> perTruce = new ArrayList<>();
        for (Truce truce : ruleset.terms().truces().values()) {
            List<Object> facts = FactBuilder.facts(report, actors, ruleset.terms(), truce);
            perTruce.add(judge(truce.id(), ruleset.sessions().get(truce.id()), facts));
        }
        Verdict verdict = Verdict.mostSevere(perTruce.stream().map(TruceEvaluation::verdict).toList());
        return new Evaluation(verdict, ruleset.version(), List.copyOf(perTruce), actors);
    }

    static TruceEvaluation judge(String truceId, KieSessionsPool sessions, List<Object> facts) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Drools initialises JVM-wide singletons on the first thread's context class loader:
        // always give it the application's (see DROOLS-EMBEDDING notes).
        thread.setContextClassLoader(Evaluator.class.getClassLoader());
        try {
            return judgeIn(truceId, sessions.newKieSession(), facts);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static TruceEvaluation judgeIn(String truceId, KieSession session, List<Object> facts) {
        List<String> fired = new ArrayList<>();
        AgendaEventListener firings = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        };
        session.addEventListener(firings);
        try {
            facts.forEach(session::insert);
            session.fireAllRules();
            List<Finding> findings = new ArrayList<>();
            for (Object fact : session.getObjects(o -> o instanceof Finding)) {
                findings.add((Finding) fact);
            }
            findings.sort(Comparator.comparing(Finding::verdict).thenComparing(Finding::rule)
                    .thenComparing(Finding::explanation));
            return summarise(truceId, findings, fired);
        } finally {
            // A pooled session keeps its listeners across reuse: take ours off before it goes
            // back (dispose empties it and returns it to the pool).
            session.removeEventListener(firings);
            session.dispose();
        }
    }

    private static TruceEvaluation summarise(String truceId, List<Finding> findings, List<String> fired) {
        Verdict verdict = Verdict.mostSevere(findings.stream().map(Finding::verdict).toList());
        if (verdict == null) {
            // A ruleset must always decide; saying so beats guessing a verdict.
            verdict = Verdict.NEEDS_REVIEW;
            findings = List.of(new Finding("no-rule-decided", null, Verdict.NEEDS_REVIEW,
                    "No rule of this truce reached a verdict on the report.", List.of()));
        }
        Set<String> violating = new LinkedHashSet<>();
        findings.stream().filter(f -> f.verdict() == Verdict.PROBABLE_VIOLATION)
                .forEach(f -> violating.addAll(f.parties()));
        return new TruceEvaluation(truceId, verdict, List.copyOf(violating), List.copyOf(findings),
                List.copyOf(fired));
    }
}
