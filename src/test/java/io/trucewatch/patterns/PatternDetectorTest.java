package io.trucewatch.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trucewatch.evaluation.Verdict;
import io.trucewatch.patterns.facts.Act;
import io.trucewatch.patterns.facts.PatternHit;
import io.trucewatch.patterns.facts.PatternThreshold;
import io.trucewatch.patterns.facts.TriggerSpan;
import io.trucewatch.rulesets.Ruleset;
import io.trucewatch.rulesets.RulesetSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The STREAM session on event time, on acts made by hand: the span of windows asked for, and arrival order. */
class PatternDetectorTest {

    static Ruleset ruleset;
    static List<PatternThreshold> burst;
    static final Instant T0 = Instant.parse("2016-04-10T06:00:00Z");

    @BeforeAll
    static void compile() {
        ruleset = Ruleset.compile(RulesetSnapshot.read(Path.of("rules"), Path.of("config")));
        burst = PatternDetector.thresholds(ruleset.terms().truces().get("syria-coh-2016").terms()).stream()
                .filter(t -> t.pattern().equals("burst")).toList();
    }

    private static Act barrelBomb(String id, Duration after) {
        return new Act(id, 1, "PENDING", "syria-coh-2016", T0.plus(after).toEpochMilli(), "Government of Syria", false,
                "Aleppo", "barrel-bomb", Set.of("aerial", "indiscriminate"), Verdict.PROBABLE_VIOLATION, true, Set.of());
    }

    private static List<String> windowsClosedBy(TriggerSpan span, List<Act> acts) {
        List<String> closers = new ArrayList<>();
        for (PatternHit hit : PatternDetector.detect(ruleset.patterns().get("syria-coh-2016"), burst, span, acts)) {
            closers.add(hit.incidentId() + "=" + new TreeSet<>(hit.incidents()));
        }
        return closers.stream().distinct().sorted().toList();
    }

    @Test
    void only_acts_in_the_span_close_windows_and_acts_before_it_are_counted() {
        List<Act> acts = List.of(barrelBomb("a", Duration.ZERO), barrelBomb("b", Duration.ofHours(2)),
                barrelBomb("c", Duration.ofHours(4)), barrelBomb("d", Duration.ofHours(6)));
        assertEquals(List.of("c=[a, b, c]", "d=[a, b, c, d]"), windowsClosedBy(TriggerSpan.ALL, acts));
        // Windows ending from d on: c's window is not asked for, but a, b and c are counted in d's.
        long fromD = T0.plus(Duration.ofHours(5)).toEpochMilli();
        assertEquals(List.of("d=[a, b, c, d]"), windowsClosedBy(new TriggerSpan(fromD, Long.MAX_VALUE), acts));
        assertEquals(List.of(), windowsClosedBy(new TriggerSpan(Long.MIN_VALUE, fromD - Duration.ofHours(2).toMillis()), acts));
    }

    @Test
    void the_same_acts_in_any_order_close_the_same_windows() {
        List<Act> acts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            acts.add(barrelBomb("r" + (char) ('a' + i), Duration.ofHours(5L * i)));
        }
        List<String> inOrder = windowsClosedBy(TriggerSpan.ALL, acts);
        Random random = new Random(3);
        for (int round = 0; round < 5; round++) {
            List<Act> shuffled = new ArrayList<>(acts);
            Collections.shuffle(shuffled, random);
            assertEquals(inOrder, windowsClosedBy(TriggerSpan.ALL, shuffled));
        }
    }

    @Test
    void the_session_holds_one_windows_acts_however_many_acts_there_are() {
        // One barrel bomb an hour for 20 days, a 24 h burst window: every window from the third act
        // on reaches the threshold, yet the session never holds more than a day of acts.
        List<Act> acts = new ArrayList<>();
        for (int i = 0; i < 480; i++) {
            acts.add(barrelBomb(String.format("r%03d", i), Duration.ofHours(i)));
        }
        List<PatternHit> hits = new ArrayList<>();
        long mostFacts = PatternDetector.detect(ruleset.patterns().get("syria-coh-2016"), burst, TriggerSpan.ALL, acts, hits::add);
        int perWindow = (int) (burst.get(0).windowMillis() / Duration.ofHours(1).toMillis());
        // the acts of one window, the threshold and the span
        assertTrue(mostFacts <= perWindow + 2, "most facts at once: " + mostFacts);
        assertTrue(hits.size() >= 480 - burst.get(0).atLeast(), "a hit per window at the threshold: " + hits.size());
        PatternHit last = hits.get(hits.size() - 1);
        assertEquals("r479", last.incidentId());
        assertEquals(perWindow, last.incidents().size(), "the last window holds exactly a day of acts");
    }
}
