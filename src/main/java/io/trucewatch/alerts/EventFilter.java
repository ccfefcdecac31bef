package io.trucewatch.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Which events a subscriber (or a stream) wants. Empty lists mean "any"; {@code verdicts} defaults
 * to PROBABLE_VIOLATION for subscriptions.
 *
 * @param truces   the report is inside the scope of one of these truces, and the verdict checked is that truce's
 * @param verdicts the verdict (of a named truce, else the report's) is one of these
 * @param parties  actor ids or truce party names (canonical, as resolved when the filter was made):
 *                 a violating party, or an actor named in the report
 * @param admin1   the report's admin1, or one of a pattern's areas (governorates or oblasts), ignoring case
 */
public record EventFilter(List<String> truces, List<String> verdicts, List<String> parties, String admin1) {

    public EventFilter {
        truces = truces == null ? List.of() : List.copyOf(truces);
        verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
        parties = parties == null ? List.of() : List.copyOf(parties);
    }

    /** {@code data} is an event payload's data: the report's evaluation as in CONTRACT §2. */
    public boolean matches(JsonNode data) {
        return verdictAndTruceMatch(data) && partyMatches(data) && admin1Matches(data);
    }

    private boolean verdictAndTruceMatch(JsonNode data) {
        if (truces.isEmpty()) {
            return verdicts.isEmpty() || verdicts.contains(data.path("verdict").asText());
        }
        for (JsonNode evaluation : data.path("evaluations")) {
            String verdict = evaluation.path("verdict").asText();
            if (truces.contains(evaluation.path("truce").asText()) && !"OUT_OF_SCOPE".equals(verdict)
                    && (verdicts.isEmpty() || verdicts.contains(verdict))) {
                return true;
            }
        }
        return false;
    }

    private boolean partyMatches(JsonNode data) {
        if (parties.isEmpty()) {
            return true;
        }
        for (JsonNode evaluation : data.path("evaluations")) {
            for (JsonNode party : evaluation.path("violating_parties")) {
                if (parties.contains(party.asText())) {
                    return true;
                }
            }
        }
        for (JsonNode actor : data.path("incident").path("resolved_actors")) {
            if (parties.contains(actor.path("actor_id").asText())) {
                return true;
            }
        }
        return false;
    }

    private boolean admin1Matches(JsonNode data) {
        if (admin1 == null || admin1.equalsIgnoreCase(data.path("incident").path("admin1").asText(""))) {
            return true;
        }
        // A pattern event (patterns.PatternRound.eventData) has no one report: it is in every area its acts are.
        for (JsonNode area : data.path("pattern").path("areas")) {
            if (admin1.equalsIgnoreCase(area.asText())) {
                return true;
            }
        }
        return false;
    }
}
