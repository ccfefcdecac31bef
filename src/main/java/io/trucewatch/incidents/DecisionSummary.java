package io.trucewatch.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import io.trucewatch.audit.CanonicalJson;
import java.util.LinkedHashSet;
import java.util.Set;

/** Across all truces of one evaluation: who violated, and which rules decided. For flat exports. */
record DecisionSummary(Set<String> violatingParties, Set<String> rules) {

    static DecisionSummary of(String evaluationJson) {
        Set<String> parties = new LinkedHashSet<>();
        Set<String> rules = new LinkedHashSet<>();
        for (JsonNode truce : CanonicalJson.parse(evaluationJson)) {
            truce.path("violating_parties").forEach(p -> parties.add(p.asText()));
            truce.path("findings").forEach(f -> rules.add(f.path("rule").asText()));
        }
        return new DecisionSummary(parties, rules);
    }
}
