package io.trucewatch.corroboration;

import com.fasterxml.jackson.databind.JsonNode;
import io.trucewatch.web.Problem;
import io.trucewatch.web.ProblemException;
import io.trucewatch.web.RequestBodies;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The body of {@code POST /api/incidents/{id}/event-link}: {@code decision} SEPARATE (the report is
 * an event of its own), JOIN (it is the same event as the report {@code with}) or AUTOMATIC (the
 * linking rule decides again), and a mandatory {@code reason}.
 */
public record LinkRequest(String decision, String with, String reason) {

    static final String AUTOMATIC = "AUTOMATIC";
    private static final Set<String> FIELDS = Set.of("decision", "with", "reason");
    private static final Set<String> DECISIONS = Set.of(LinkDecision.SEPARATE, LinkDecision.JOIN, AUTOMATIC);
    private static final int MAX_REASON = 10_000;

    public static LinkRequest parse(String body) {
        JsonNode root = RequestBodies.object(body);
        List<Problem.FieldError> errors = new ArrayList<>();
        RequestBodies.unknownFields(root, FIELDS, "", errors);
        JsonNode decisionNode = root.get("decision");
        String decision = decisionNode != null && decisionNode.isTextual()
                ? decisionNode.asText().strip().toUpperCase(Locale.ROOT) : null;
        if (decision == null || !DECISIONS.contains(decision)) {
            errors.add(new Problem.FieldError("decision", "required: one of SEPARATE, JOIN, AUTOMATIC"));
        }
        JsonNode withNode = root.get("with");
        String with = withNode != null && withNode.isTextual() && !withNode.asText().isBlank() ? withNode.asText().strip() : null;
        if (LinkDecision.JOIN.equals(decision) && with == null) {
            errors.add(new Problem.FieldError("with", "required for JOIN: the id of the report it is the same event as"));
        } else if (!LinkDecision.JOIN.equals(decision) && withNode != null && !withNode.isNull()) {
            errors.add(new Problem.FieldError("with", "only a JOIN names another report"));
        }
        JsonNode reasonNode = root.get("reason");
        if (reasonNode == null || !reasonNode.isTextual() || reasonNode.asText().isBlank()) {
            errors.add(new Problem.FieldError("reason", "required: say why, in words another auditor can check"));
        } else if (reasonNode.asText().length() > MAX_REASON) {
            errors.add(new Problem.FieldError("reason", "longer than " + MAX_REASON + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new LinkRequest(decision, with, reasonNode.asText().strip());
    }
}
