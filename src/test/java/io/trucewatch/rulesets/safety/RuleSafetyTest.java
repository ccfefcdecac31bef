package io.trucewatch.rulesets.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trucewatch.rulesets.RulesetException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Rules can only judge: what a rule file may say, and what it may not, however it is written. */
class RuleSafetyTest {

    private static final String HEAD = """
            package rules.probe;

            import io.trucewatch.evaluation.Verdict;
            import io.trucewatch.evaluation.facts.Finding;
            import io.trucewatch.evaluation.facts.Involvement;
            import io.trucewatch.evaluation.facts.Report;
            import io.trucewatch.truces.Standing;

            declare Seen
                what : String
                count : int
            end

            """;

    /** A file of HEAD plus one rule whose conditions and consequence are given. */
    private static String rule(String when, String then) {
        return HEAD + "rule \"probe\"\n    @clause(\"x\")\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n";
    }

    private static List<RulesetException.Error> check(String text) {
        return RuleSafety.check(Map.of("rules/probe/probe.drl", text));
    }

    @Test
    void everyRuleFileOfTheServicePasses() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(Path.of("rules"))) {
            paths.filter(p -> p.toString().endsWith(".drl")).forEach(p -> {
                try {
                    files.put(p.toString(), Files.readString(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        assertTrue(files.size() >= 8, "the shipped rule files are read: " + files.keySet());
        Map<String, String> overTime = new TreeMap<>();
        files.keySet().stream().filter(p -> p.contains("/patterns/")).toList().forEach(p -> overTime.put(p, files.remove(p)));
        assertTrue(overTime.size() >= 2, "the shipped pattern rule files are read: " + overTime.keySet());
        assertEquals(List.of(), RuleSafety.check(files));
        assertEquals(List.of(), RuleSafety.checkPatterns(overTime));
    }

    private static final String COUNTING_HEAD = """
            package rules.probe.patterns;

            import io.trucewatch.evaluation.Verdict;
            import io.trucewatch.patterns.facts.Act;
            import io.trucewatch.patterns.facts.PatternHit;
            import io.trucewatch.patterns.facts.PatternThreshold;

            declare Act
                @role(event)
                @timestamp(at)
            end

            """;

    /** A pattern rule file with one rule counting acts the way {@code accumulate} says. */
    private static String counting(String accumulate) {
        return COUNTING_HEAD + "rule \"probe\"\n    @clause(\"x\")\nwhen\n    $t : PatternThreshold()\n"
                + "    $a : Act( $p : party )\n    " + accumulate + "\nthen\n"
                + "    insert(PatternHit.of(drools.getRule(), $t, $a, \"\", Verdict.NEEDS_REVIEW, $ids, $ids, \"x\"));\nend\n";
    }

    @Test
    void patternRulesMayCountWithTheBuiltInFunctionsAndJudgingRulesMayNot() {
        String text = counting("""
                accumulate( $b : Act( party == $p, at <= $a.at() ); $ids : collectSet( $b.incidentId() ),
                                $n : count( $b ); $ids.size() >= $t.atLeast() )""");
        assertEquals(List.of(), RuleSafety.checkPatterns(Map.of("rules/probe/patterns/p.drl", text)));
        List<RulesetException.Error> judging = RuleSafety.check(Map.of("rules/probe/p.drl", text));
        assertTrue(judging.stream().anyMatch(e -> e.message().contains("accumulate")), judging.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            accumulate code of its own | $ids : Number( intValue > 1 ) from accumulate( $b : Act( party == $p ), init( int n = 0; ), action( n++; ), result( n ) ) | not code of its own
            a function not listed      | accumulate( $b : Act( party == $p ); $ids : collectSet( $b.incidentId() ), $v : variance( $b.at() ) ) | is not one of
            an argument that escapes   | accumulate( $b : Act( party == $p ); $ids : collectSet( System.getenv() ) ) | getenv
            """)
    void countingThatRunsCodeIsRefused(String what, String accumulate, String reason) {
        List<RulesetException.Error> errors = RuleSafety.checkPatterns(Map.of("rules/probe/patterns/p.drl", counting(accumulate)));
        assertTrue(errors.stream().anyMatch(e -> e.message().contains(reason)), what + ": " + errors);
    }

    @Test
    void whatARuleNeedsToJudgeIsAccepted() {
        String text = rule("""
                $r : Report( eventType in ("Battles", "Explosions/Remote violence"), weaponClasses not contains "x" )
                    $a : Involvement( standing not in (Standing.EXCLUDED), $side : side, name != null && name.length() > 2 )
                    $s : Seen( count < 3 )
                    not Seen( what == $r.eventType() )
                    eval( $a.sides().size() >= 0 )""", """
                String seen = $a.name().toUpperCase();
                    int next = $s.getCount() + 1;
                    if (next > 2) {
                        seen = seen + " again";
                    } else {
                        next++;
                    }
                    insert(new Seen(seen, next));
                    insert(Finding.of(drools.getRule(), Verdict.NEEDS_REVIEW, seen + " (" + Math.max(next, 1) + ")", $a.party())
                        .answering("other-rule"));""");
        assertEquals(List.of(), check(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            exits the JVM                 | Report() | System.exit(0);                                   | 'exit(…)' is not a method
            exits through a full name     | Report() | java.lang.System.exit(0);                         | 'exit(…)' is not a method
            runs a command                | Report() | Runtime.getRuntime().exec("touch /tmp/x");        | 'exec(…)' is not a method
            starts a process              | Report() | new ProcessBuilder("sh").start();                 | 'start(…)' is not a method
            loops forever                 | Report() | while (true) { }                                  | may not contain a loop
            loops with for               | Report() | for (;;) { insert(new Seen("x", 1)); }             | may not contain a loop
            catches what it throws        | Report() | try { insert(new Seen("x", 1)); } catch (Exception e) { } | may not contain 'try'
            reflects                      | $r : Report() | Object c = $r.getClass();                    | not '
            loads a class                 | Report() | Class.forName("java.lang.Runtime");               | 'forName(…)' is not a method
            reads the clock               | Report() | insert(new Seen(java.time.Instant.now().toString(), 1)); | wall clock
            reads the clock by Clock      | Report() | insert(new Seen(java.time.Clock.systemUTC().toString(), 1)); | wall clock
            reads the millis              | Report() | long t = System.currentTimeMillis();              | wall clock
            opens a file                  | Report() | insert(new java.io.File("/etc/passwd"));          | may create only
            starts a thread               | Report() | new Thread().start();                             | 'start(…)' is not a method
            makes a huge string           | Report() | insert(new Seen("x".repeat(1000000000), 1));      | 'repeat(…)' is not a method
            makes an array                | Report() | int[] a = new int[1000000000];                    | int[]
            defines a lambda              | Report() | insert(() -> {});                                 | lambdas
            halts the engine              | Report() | drools.halt();                                    | drools.getRule()
            reaches the runtime           | Report() | drools.getKieRuntime().halt();                    | is not a method
            reads the environment in when | Report( System.getenv("HOME") != null ) | insert(new Seen("x", 1)); | 'getenv(…)' is not a method
            navigates to the runtime      | Report( java.lang.Runtime.runtime != null ) | insert(new Seen("x", 1)); | is not a property
            evaluates code                | eval( Runtime.getRuntime().availableProcessors() > 0 ) | insert(new Seen("x", 1)); | is not a method
            assigns in a constraint       | $r : Report( country = "x" )  | insert(new Seen("x", 1));             | does not parse
            matches a regex               | Report( location matches "(a+)+$" ) | insert(new Seen("x", 1));       | is not a constraint
            """)
    void aRuleThatDoesMoreThanJudgeIsRefusedWithItsLine(String what, String when, String then, String reason) {
        String text = rule(when, then);
        List<RulesetException.Error> errors = check(text);
        assertTrue(errors.stream().anyMatch(e -> e.message().contains(reason)), what + ": " + errors);
        int whenLine = lineOf(text, when.strip());
        int thenLine = lineOf(text, then.strip());
        assertTrue(errors.stream().allMatch(e -> e.file().equals("rules/probe/probe.drl")
                && (e.line() == whenLine || e.line() == thenLine)), what + ": each error names its line: " + errors);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a function          | function void boom() { System.exit(0); }                        | may not define functions
            a global            | global java.util.List out;                                       | may not declare globals
            a foreign import    | import java.io.File;                                             | may import only
            a static function   | import function java.lang.System.exit;                           | may import only the functions
            a subclass of Thread| declare Worker extends java.lang.Thread end                     | may extend only
            an initialiser      | declare Bomb\\n  x : String = System.getProperty("user.home")\\nend | may not have an initial value
            a query             | query "all" $r : Report() end                                    | queries
            """)
    void partsOfAFileThatRunCodeAreRefused(String what, String part, String reason) {
        String text = HEAD.replace("\n\ndeclare Seen", "\n" + part.replace("\\n", "\n") + "\n\ndeclare Seen");
        List<RulesetException.Error> errors = check(text);
        assertTrue(errors.stream().anyMatch(e -> e.message().contains(reason) && e.line() > 0), what + ": " + errors);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a timer                 | timer (int: 1s)                 | not allowed
            a calendar              | calendars "weekdays"            | not allowed
            a date                  | date-effective "1-Jan-2016"     | not allowed
            a computed salience     | salience (System.exit(0))       | whole number
            """)
    void attributesThatDependOnTimeOrRunCodeAreRefused(String what, String attribute, String reason) {
        String text = HEAD + "rule \"probe\"\n    @clause(\"x\")\n    " + attribute + "\nwhen\n    Report()\nthen\n    insert(new Seen(\"x\", 1));\nend\n";
        List<RulesetException.Error> errors = check(text);
        assertTrue(errors.stream().anyMatch(e -> e.message().contains(reason)), what + ": " + errors);
    }

    @Test
    void patternsOverOtherClassesOrSourcesAreRefused() {
        String text = rule("$k : String() from System.getenv().keySet()", "insert(new Seen($k, 1));");
        List<RulesetException.Error> errors = check(text);
        assertTrue(errors.stream().anyMatch(e -> e.message().contains("must match one of the engine's facts")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.message().contains("'from'")), errors.toString());
    }

    private static int lineOf(String text, String fragment) {
        String[] lines = text.split("\n", -1);
        String first = fragment.lines().findFirst().orElse(fragment).strip();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(first)) {
                return i + 1;
            }
        }
        throw new AssertionError("not in the text: " + first);
    }
}
