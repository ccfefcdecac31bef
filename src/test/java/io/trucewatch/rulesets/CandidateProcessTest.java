package io.trucewatch.rulesets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A candidate is checked in a process of its own: one whose rules only read facts and insert them,
 * so that RuleSafety lets it through, but whose conditions join hundreds of facts four ways, fills
 * that process's heap or runs out its time, and the process is stopped; this JVM is untouched.
 */
class CandidateProcessTest {

    private static final String EXPLOSION = """
            package rules.syria_cessation;

            import rules.common.InScope;

            declare Echo
                count : int
            end

            rule "echo-once"
                @clause("scope")
            when
                InScope()
                not Echo()
            then
                insert(new Echo(0));
            end

            rule "echo-again"
                @clause("scope")
            when
                $e : Echo( count < 450 )
            then
                insert(new Echo($e.getCount() + 1));
            end

            rule "every-four-echoes"
                @clause("scope")
            when
                $a : Echo()
                $b : Echo( count > $a.count )
                $c : Echo( count > $b.count )
                $d : Echo( count > $c.count )
            then
                insert(new Echo(-1));
            end
            """;

    @Test
    void theShippedRulesetPassesInItsOwnProcess() {
        CandidateCheck.Outcome outcome = CandidateProcess.check(RulesetSnapshot.read(Path.of("rules"), Path.of("config")),
                Duration.ofSeconds(120), "768m");
        assertEquals(java.util.List.of(), outcome.errors());
        assertEquals(java.util.List.of(), outcome.scenarioFailures());
        assertTrue(outcome.scenarios() > 50, "its scenarios ran: " + outcome.scenarios());
    }

    @Test
    void aCandidateThatExhaustsItsProcessIsStoppedAndRefused() {
        Map<String, String> files = new TreeMap<>(RulesetSnapshot.read(Path.of("rules"), Path.of("config")).files());
        files.put("rules/syria-cessation/explosion.drl", EXPLOSION);
        long start = System.nanoTime();
        RulesetException e = assertThrows(RulesetException.class,
                () -> CandidateProcess.check(new RulesetSnapshot(files), Duration.ofSeconds(25), "192m"));
        String message = e.getMessage();
        assertTrue(message.contains("ran out of its 192m") || message.contains("did not finish within 25 s"), message);
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(60).toNanos(), "stopped at its limit");
    }
}
