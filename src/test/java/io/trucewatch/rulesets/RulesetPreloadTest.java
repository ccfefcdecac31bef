package io.trucewatch.rulesets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The early compile is a head start only: it is used for the same directories and the same
 * content, and otherwise (other directories, files edited meanwhile, a broken ruleset) left for
 * the normal compile, which reports errors as it always does.
 */
class RulesetPreloadTest {

    @TempDir
    Path tree;

    @Test
    void usedOnlyForTheSameDirectoriesAndContent() throws Exception {
        Path rules = tree.resolve("rules");
        Path config = tree.resolve("config");
        TestFiles.copyTree(Path.of("rules"), rules);
        TestFiles.copyTree(Path.of("config"), config);
        RulesetSnapshot snapshot = RulesetSnapshot.read(rules, config);

        RulesetPreload.start(rules, config);
        RulesetPreload.Checked checked = RulesetPreload.take(rules, config, snapshot).orElseThrow();
        assertEquals(snapshot.version(), checked.ruleset().version());
        assertTrue(checked.scenarios().ok(), checked.scenarios().failures()::toString);
        assertTrue(RulesetPreload.take(rules, config, snapshot).isEmpty(), "taken once");

        RulesetPreload.start(rules, config);
        assertTrue(RulesetPreload.take(Path.of("rules"), Path.of("config"), snapshot).isEmpty(), "other directories");

        // The files as ActiveRuleset reads them differ from what the early compile saw.
        RulesetPreload.start(rules, config);
        String scopePath = "rules/syria-cessation/scope.drl";
        RulesetSnapshot edited = TestFiles.withFile(snapshot, scopePath, snapshot.files().get(scopePath) + "\n// edited\n");
        assertTrue(RulesetPreload.take(rules, config, edited).isEmpty(), "a result for other content is not used");

        Path scope = rules.resolve("syria-cessation/scope.drl");

        Files.writeString(scope, "package broken;\nrule \"x\" when then oops end\n");
        RulesetPreload.start(rules, config);
        assertTrue(RulesetPreload.take(rules, config, RulesetSnapshot.read(rules, config)).isEmpty(),
                "a failed early compile leaves the error to the normal one");
    }
}
