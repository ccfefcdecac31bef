package io.trucewatch.rulesets;

import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once a ruleset is in service; names its version and truces. */
@Readiness
public class RulesetHealth implements HealthCheck {

    @Inject
    ActiveRuleset rulesets;

    @Override
    public HealthCheckResponse call() {
        try {
            Ruleset ruleset = rulesets.get();
            return HealthCheckResponse.named("ruleset").up()
                    .withData("version", ruleset.version())
                    .withData("truces", String.join(",", ruleset.terms().truces().keySet()))
                    .build();
        } catch (IllegalStateException e) {
            return HealthCheckResponse.named("ruleset").down().withData("reason", e.getMessage()).build();
        }
    }
}
