package io.trucewatch.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;

/** A review as the API shows it. */
public record ReviewView(String id, String incidentId, int version, Decision decision, String reason,
        List<String> violatingParties, String reviewer, Instant decidedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ReviewView of(Review review) {
        return new ReviewView(review.id, review.incidentId, review.version, Decision.valueOf(review.decision),
                review.reason, parties(review.violatingParties), review.reviewer, review.decidedAt);
    }

    private static List<String> parties(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored violating_parties is not a JSON array: " + json, e);
        }
    }
}
