package io.trucewatch.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.trucewatch.web.Problem;
import io.trucewatch.web.ProblemException;
import io.trucewatch.web.RequestBodies;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The body of {@code POST /api/incidents/{id}/reviews}: {@code decision}, a mandatory
 * {@code reason}, and for a confirmation optionally the {@code violating_parties} the auditor
 * attributes it to (names as written; resolved by {@link ReviewService}).
 */
public record ReviewRequest(Decision decision, String reason, List<String> violatingParties) {

    static final int MAX_REASON = 10_000;
    private static final Set<String> FIELDS = Set.of("decision", "reason", "violating_parties");

    /** Parses and checks the body, naming every offending field in one 400. */
    public static ReviewRequest parse(String body) {
        JsonNode root = RequestBodies.object(body);
        List<Problem.FieldError> errors = new ArrayList<>();
        RequestBodies.unknownFields(root, FIELDS, "", errors);
        Decision decision = decision(root.get("decision"), errors);
        String reason = reason(root.get("reason"), errors);
        List<String> parties = parties(root.get("violating_parties"), errors);
        if (parties != null && decision != null && decision != Decision.CONFIRMED) {
            errors.add(new Problem.FieldError("violating_parties", "only a CONFIRMED decision attributes parties"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ReviewRequest(decision, reason, parties);
    }

    private static Decision decision(JsonNode node, List<Problem.FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new Problem.FieldError("decision", "required: one of CONFIRMED, DISMISSED, ESCALATED"));
            return null;
        }
        try {
            return Decision.valueOf(node.asText().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError("decision",
                    "'" + node.asText() + "' is not one of CONFIRMED, DISMISSED, ESCALATED"));
            return null;
        }
    }

    private static String reason(JsonNode node, List<Problem.FieldError> errors) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            errors.add(new Problem.FieldError("reason", "required: say why, in words another auditor can check"));
            return null;
        }
        if (node.asText().length() > MAX_REASON) {
            errors.add(new Problem.FieldError("reason", "longer than " + MAX_REASON + " characters"));
        }
        return node.asText().strip();
    }

    private static List<String> parties(JsonNode node, List<Problem.FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            errors.add(new Problem.FieldError("violating_parties", "must be a non-empty array of names"));
            return null;
        }
        List<String> parties = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual() || node.get(i).asText().isBlank()) {
                errors.add(new Problem.FieldError("violating_parties[" + i + "]", "must be a name"));
            } else {
                parties.add(node.get(i).asText().strip());
            }
        }
        return parties;
    }
}
