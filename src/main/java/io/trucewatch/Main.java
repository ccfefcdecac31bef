package io.trucewatch;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.trucewatch.rulesets.RulesetPreload;
import java.nio.file.Path;

/**
 * The packaged service's entry point: starts compiling the rules on disk, then starts Quarkus.
 * The two overlap, which takes the compile (most of what start-up waited for) off the path to
 * the first answer. The directories are read here as Quarkus will read them from system
 * properties, the environment or the defaults; if {@code application.properties} or a profile
 * says otherwise, the early result is simply not used.
 */
@QuarkusMain
public final class Main {

    private Main() {
    }

    public static void main(String... args) {
        RulesetPreload.start(directory("trucewatch.rules-dir", "TRUCEWATCH_RULES_DIR", "rules"),
                directory("trucewatch.config-dir", "TRUCEWATCH_CONFIG_DIR", "config"));
        Quarkus.run(args);
    }

    private static Path directory(String property, String variable, String fallback) {
        String value = System.getProperty(property, System.getenv(variable));
        return Path.of(value == null || value.isBlank() ? fallback : value);
    }
}
