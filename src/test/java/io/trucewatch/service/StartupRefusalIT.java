package io.trucewatch.service;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trucewatch.rulesets.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged service refuses to start on a broken rule file or configuration, naming file and line. */
class StartupRefusalIT {

    @TempDir
    Path work;

    private Path rules;
    private Path config;

    @BeforeEach
    void copyTheRealRuleset() throws Exception {
        rules = work.resolve("rules");
        config = work.resolve("config");
        TestFiles.copyTree(Path.of("rules"), rules);
        TestFiles.copyTree(Path.of("config"), config);
    }

    @Test
    void aBrokenRuleFileStopsTheStartWithItsFileAndLine() throws Exception {
        Path file = rules.resolve("syria-cessation/territory.drl");
        String text = Files.readString(file);
        Files.writeString(file, text.replaceFirst("    InScope\\(\\)", "    InScope( ,"));
        String log = startExpectingFailure();
        int line = TestFiles.lineOf(text, "    InScope()");
        assertTrue(log.matches("(?s).*invalid ruleset:\\s+rules/syria-cessation/territory\\.drl:(" + line + "|" + (line + 1)
                + ")\\b[^\\n]*\\n\\s+at .*"), "only the syntax error, not its echoes in other files:\n" + log);
    }

    @Test
    void anInvalidConfigurationStopsTheStartWithItsFileLineAndKey() throws Exception {
        Path file = config.resolve("truces/syria-coh-2016.yaml");
        String text = Files.readString(file).replace("time_zone: Asia/Damascus", "time_zone: Damascus/Local");
        Files.writeString(file, text);
        String log = startExpectingFailure();
        assertTrue(log.contains("config/truces/syria-coh-2016.yaml:" + TestFiles.lineOf(text, "time_zone: Damascus/Local")
                + ": time_zone: 'Damascus/Local' is not a tz database zone"), log);
    }

    private String startExpectingFailure() throws Exception {
        Process service = PackagedService.start(work, PackagedService.freePort(), rules, config);
        try {
            assertTrue(service.waitFor(90, TimeUnit.SECONDS), "the service kept running on a broken ruleset");
            assertNotEquals(0, service.exitValue());
            return Files.readString(work.resolve("service.log"));
        } finally {
            service.destroyForcibly();
        }
    }
}
