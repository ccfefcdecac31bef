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

    /**
     * Most rule firings in one round of one truce's session. The rule sets fire a few dozen times on
     * any report; a rule that keeps inserting facts its own conditions match would fire forever
     * and fill the heap, so it is stopped here and the report goes to a person.
     */
    public static final int MAX_FIRINGS = 500;

    /** The rule named in the finding a truce gets when its rules did not settle. */
    public static final String DID_NOT_SETTLE = "rules-did-not-settle";

    private Evaluator() {
    }

    public static Evaluation evaluate(IncidentReport report, Ruleset ruleset) {
        ReportReading reading = read(report, ruleset);
        List<TruceEvaluation> perTruce = new ArrayList<>();
        for (Truce truce : ruleset.terms().truces().values()) {
            perTruce.add(judge(reading, ruleset, truce));
        }
        Verdict verdict = Verdict.mostSevere(perTruce.stream().map(TruceEvaluation::verdict).toList());
        return new Evaluation(verdict, ruleset.version(), List.copyOf(perTruce), reading.actors());
    }

    /**
     * Judges a report against one truce of a ruleset: what {@link #evaluate(IncidentReport, Ruleset)}
     * gives for that truce (each truce is judged in a session of its own, from the same reading), for
     * a caller that needs no other, such as a scenario of that truce.
     */
    public static TruceEvaluation evaluate(IncidentReport report, Ruleset ruleset, String truceId) {
        Truce truce = ruleset.terms().truces().get(truceId);
        if (truce == null) {
            throw new IllegalArgumentException("no truce '" + truceId + "' in ruleset " + ruleset.version());
        }
        return judge(read(report, ruleset), ruleset, truce);
    }

    private static ReportReading read(IncidentReport report, Ruleset ruleset) {
        List<ResolvedActor> actors = ActorResolution.resolve(report, ruleset.terms().actors().in(report.country()));
        return new ReportReading(report, actors, ruleset.terms());
    }

    private static TruceEvaluation judge(ReportReading reading, Ruleset ruleset, Truce truce) {
        List<Object> facts = FactBuilder.facts(reading, ruleset.terms(), truce);
        return judge(truce.id(), ruleset.sessions().get(truce.id()), facts);
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
        settle(session.fireAllRules(MAX_FIRINGS));
        session.getAgenda().getAgendaGroup(LAST_WORD).setFocus();
        settle(session.fireAllRules(MAX_FIRINGS));
    }

    private static void settle(int firings) {
        if (firings >= MAX_FIRINGS) {
            throw new RulesDidNotSettle();
        }
    }

    /** The rules were still firing when {@link #MAX_FIRINGS} was reached. */
    static final class RulesDidNotSettle extends RuntimeException {
        RulesDidNotSettle() {
            super("rules fired " + MAX_FIRINGS + " times without settling", null, false, false);
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
            try {
                fire(session);
            } catch (RulesDidNotSettle e) {
                return VerdictCombination.combine(truceId, List.of(new Finding(DID_NOT_SETTLE, "engine",
                        Verdict.NEEDS_REVIEW, "The rules of this truce fired " + MAX_FIRINGS + " times on this report "
                        + "without settling, and were stopped: no verdict can be given by rule. A person must judge "
                        + "the report, and the ruleset must be corrected (a rule keeps re-inserting what it matches).",
                        List.of())), fired);
            }
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
