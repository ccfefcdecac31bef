package io.trucewatch.evaluation;

import io.trucewatch.evaluation.facts.Finding;
import io.trucewatch.incidents.IncidentReport;
import io.trucewatch.rulesets.Ruleset;
import io.trucewatch.truces.Truce;
import java.util.ArrayList;
import java.util.List;
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

    /** The rule-flow group ("ruleflow-group" in DRL) of rules that decide only what no other rule decided. */
    public static final String LAST_WORD = "last-word";

    private Evaluator() {
    }

    public static Evaluation evaluate(IncidentReport report, Ruleset ruleset) {
        List<ResolvedActor> actors = ActorResolution.resolve(report, ruleset.terms().actors());
        ReportReading reading = new ReportReading(report, actors, ruleset.terms());
        List<TruceEvaluation> perTruce = new ArrayList<>();
        for (Truce truce : ruleset.terms().truces().values()) {
            List<Object> facts = FactBuilder.facts(reading, ruleset.terms(), truce);
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

    /**
     * Fires a session's rules in the order the rule sets are written for, two rounds: every rule,
     * then the rules of the "last-word" rule-flow group, which speak only where nothing else
     * decided (e.g. "hostile-act-undecided").
     */
    static void fire(KieSession session) {
        session.fireAllRules();
        session.getAgenda().getAgendaGroup(LAST_WORD).setFocus();
        session.fireAllRules();
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
            fire(session);
            List<Finding> findings = new ArrayList<>();
            for (Object fact : session.getObjects(o -> o instanceof Finding)) {
                findings.add((Finding) fact);
            }
            return VerdictCombination.combine(truceId, findings, fired);
        } finally {
            // A pooled session keeps its listeners across reuse: take ours off before it goes
            // back (dispose empties it and returns it to the pool).
            session.removeEventListener(firings);
            session.dispose();
        }
    }
}
