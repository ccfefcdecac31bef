package io.trucewatch.patterns;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The service with the pattern follower on (off in the other tests: see application.properties).
 * A profile of its own, so the tests that cut and restore the audit chain never run beside it.
 */
public class PatternsOn implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("trucewatch.patterns.enabled", "true", "trucewatch.patterns.interval", "1s");
    }
}
