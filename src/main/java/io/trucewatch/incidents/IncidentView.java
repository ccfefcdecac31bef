package io.trucewatch.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import io.trucewatch.audit.CanonicalJson;
import java.time.Instant;

/**
 * A stored report as the API answers it (CONTRACT §2). {@code evaluations} and {@code incident}
 * are the JSON stored when the report was judged, so a client always reads what it was first told.
 */
public record IncidentView(
        String id,
        String externalId,
        Instant receivedAt,
        String verdict,
        JsonNode evaluations,
        String rulesetVersion,
        String reviewStatus,
        JsonNode incident) {

    static IncidentView of(Incident stored) {
        return new IncidentView(stored.id, stored.externalId, stored.receivedAt, stored.verdict,
                CanonicalJson.parse(stored.evaluationJson), stored.rulesetVersion, stored.reviewStatus,
                CanonicalJson.parse(stored.reportJson));
    }
}
