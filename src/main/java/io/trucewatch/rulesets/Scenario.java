package io.trucewatch.rulesets;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One scenario beside a truce's rules ({@code rules/<truce>/scenarios/*.yaml}): an incident as a
 * monitor would report it, and what the truce's rules must decide about it.
 *
 * @param line where the scenario starts in its file, for error messages
 */
public record Scenario(String file, int line, String truce, String name, JsonNode incident, Expectation expect) {

    /**
     * What must come out. Every field but {@code verdict} is optional.
     *
     * @param verdict          this truce's verdict
     * @param overallVerdict   the report's top-level verdict across every truce
     * @param violatingParties exactly these parties (in any order)
     * @param firedRules       each of these rules fired
     * @param notFiredRules    none of these rules fired
     * @param clausesNotFired  no rule of these clauses decided (gave a finding): the "must not" side of coverage
     */
    public record Expectation(String verdict, String overallVerdict, List<String> violatingParties,
            List<String> firedRules, List<String> notFiredRules, List<String> clausesNotFired) {
    }
}
