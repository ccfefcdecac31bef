package io.trucewatch.patterns;

import io.trucewatch.evaluation.Evaluator;
import io.trucewatch.patterns.facts.Act;
import io.trucewatch.patterns.facts.PatternHit;
import io.trucewatch.patterns.facts.PatternThreshold;
import io.trucewatch.patterns.facts.TriggerSpan;
import io.trucewatch.truces.TruceTerms;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.time.SessionPseudoClock;

/**
 * Runs a truce's rules over time on a set of acts: a STREAM session whose pseudo clock follows the
 * acts' event time (never the wall clock), the acts inserted in event-time order, the rules fired
 * after each. A pure function of (rules, thresholds, acts): the same acts, in whatever order they
 * are given, make the same hits, since they are sorted here first (by time, then report, then
 * party, so that ties are broken the same way every time).
 *
 * <p>Memory stays bounded by the acts of one window, however many acts there are: the windows
 * counted are those of the act just inserted ({@link TriggerSpan#closingAt}), acts older than the
 * longest window are deleted (no later window can hold them), and hits leave the session for the
 * caller's sink as soon as they are made.
 */
public final class PatternDetector {

    /** The order acts enter a session in. */
    public static final Comparator<Act> EVENT_ORDER = Comparator.comparingLong(Act::at)
            .thenComparing(Act::incidentId).thenComparing(a -> a.party() == null ? "" : a.party());

    /**
     * Most rule firings per act inserted. A pattern rule fires a few times per act (once per window
     * it closes or changes); one that re-inserts what it matches would fire forever and fill the
     * heap, so the run is stopped and says so.
     */
    static final int MAX_FIRINGS_PER_ACT = Evaluator.MAX_FIRINGS;

    private PatternDetector() {
    }

    /** The thresholds of {@code truce}'s patterns, as facts its rules read. */
    public static List<PatternThreshold> thresholds(TruceTerms truce) {
        return truce.patterns().stream().map(p -> new PatternThreshold(p.id(), p.title(), p.atLeast(),
                p.window().toMillis(), p.withinHours(), p.weaponClass())).toList();
    }

    /** Every hit the rules make on {@code acts} for windows ending at acts in {@code span}, in a list. */
    public static List<PatternHit> detect(KieBase rules, List<PatternThreshold> thresholds, TriggerSpan span,
            List<Act> acts) {
        List<PatternHit> hits = new ArrayList<>();
        detect(rules, thresholds, span, acts, hits::add);
        return hits;
    }

    /**
     * Every hit the rules make on {@code acts} for windows ending at acts in {@code span}, handed to
     * {@code sink} in event-time order of the acts that close their windows.
     *
     * @return the most facts the session held at once after an act (what bounds its memory)
     */
    public static long detect(KieBase rules, List<PatternThreshold> thresholds, TriggerSpan span, List<Act> acts,
            Consumer<PatternHit> sink) {
        List<Act> ordered = new ArrayList<>(acts);
        ordered.sort(EVENT_ORDER);
        long longestWindow = thresholds.stream().mapToLong(PatternThreshold::windowMillis).max().orElse(0);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // As for judging: Drools must see the application's class loader (DROOLS-EMBEDDING notes).
        thread.setContextClassLoader(PatternDetector.class.getClassLoader());
        KieSessionConfiguration configuration = KieServices.Factory.get().newKieSessionConfiguration();
        configuration.setOption(ClockTypeOption.PSEUDO);
        KieSession session = rules.newKieSession(configuration, null);
        List<FactHandle> madeHits = new ArrayList<>();
        session.addEventListener(new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getObject() instanceof PatternHit) {
                    madeHits.add(event.getFactHandle());
                }
            }
        });
        try {
            SessionPseudoClock clock = session.getSessionClock();
            thresholds.forEach(session::insert);
            FactHandle spanHandle = session.insert(span);
            Deque<Inserted> inWindow = new ArrayDeque<>();
            long mostFacts = 0;
            for (Act act : ordered) {
                long ahead = act.at() - clock.getCurrentTime();
                if (ahead > 0) {
                    clock.advanceTime(ahead, TimeUnit.MILLISECONDS);
                }
                // Windows are (end - length, end]: an act at or before this is in none from here on.
                while (!inWindow.isEmpty() && inWindow.peekFirst().at() <= act.at() - longestWindow) {
                    session.delete(inWindow.pollFirst().handle());
                }
                session.update(spanHandle, span.closingAt(act.at()));
                inWindow.addLast(new Inserted(act.at(), session.insert(act)));
                if (session.fireAllRules(MAX_FIRINGS_PER_ACT) >= MAX_FIRINGS_PER_ACT) {
                    throw new PatternRulesDidNotSettle(act);
                }
                for (FactHandle hit : madeHits) {
                    sink.accept((PatternHit) session.getObject(hit));
                    session.delete(hit);
                }
                madeHits.clear();
                mostFacts = Math.max(mostFacts, session.getFactCount());
            }
            return mostFacts;
        } finally {
            session.dispose();
            thread.setContextClassLoader(previous);
        }
    }

    private record Inserted(long at, FactHandle handle) {
    }

    /** A pattern rule kept firing on one act: the ruleset must be corrected. */
    public static final class PatternRulesDidNotSettle extends RuntimeException {
        PatternRulesDidNotSettle(Act act) {
            super("pattern rules fired " + MAX_FIRINGS_PER_ACT + " times on the act of report " + act.incidentId()
                    + " without settling", null, false, false);
        }
    }
}
