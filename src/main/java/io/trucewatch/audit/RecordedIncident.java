package io.trucewatch.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.trucewatch.incidents.StoredReports;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the audit chain says of one incident, folded from its entries in chain order: each version
 * as received and as judged, the current version, the reviews and the review status they leave.
 * The payloads read are the ones IncidentService and ReviewService append (see their audit calls).
 */
final class RecordedIncident {

    /** One version as its REPORT_RECEIVED / REPORT_CORRECTED and REPORT_EVALUATED entries record it. */
    static final class Version {
        final int number;
        Long receivedSeq;
        /** Null for entries written before receipt times were recorded: then not compared. */
        String receivedAt;
        String submittedBy;
        String contentHash;
        JsonNode report;
        Long evaluatedSeq;
        String verdict;
        String rulesetVersion;
        JsonNode evaluations;
        /** Null for entries written before the resolved actors were recorded: then not compared. */
        JsonNode resolvedActors;

        Version(int number) {
            this.number = number;
        }
    }

    /** One REVIEW_DECIDED entry. */
    record Review(String id, long seq, int version, String decision, String reason, JsonNode violatingParties,
            String reviewer, String decidedAt) {
    }

    final String incidentId;
    Long receivedSeq;
    String submittedBy;
    String externalId;
    int currentVersion;
    Long currentVersionSeq;
    final Map<Integer, Version> versions = new TreeMap<>();
    String reviewStatus;
    Long reviewStatusSeq;
    final Map<String, Review> reviews = new LinkedHashMap<>();

    private RecordedIncident(String incidentId) {
        this.incidentId = incidentId;
    }

    /** Folds {@code entries} (this incident's, in seq order). */
    static RecordedIncident of(String incidentId, List<AuditEntry> entries) {
        RecordedIncident recorded = new RecordedIncident(incidentId);
        for (AuditEntry entry : entries) {
            recorded.apply(entry);
        }
        return recorded;
    }

    Version current() {
        return versions.get(currentVersion);
    }

    private void apply(AuditEntry entry) {
        JsonNode data = CanonicalJson.parse(entry.data);
        switch (entry.type) {
            case AuditTrail.REPORT_RECEIVED -> {
                receivedSeq = entry.seq;
                submittedBy = entry.principal;
                externalId = text(data, "external_id");
                received(1, entry, data);
            }
            case AuditTrail.REPORT_CORRECTED -> received(data.path("version").asInt(), entry, data);
            case AuditTrail.REPORT_EVALUATED -> evaluated(entry, data);
            case AuditTrail.REVIEW_DECIDED -> reviewed(entry, data);
            default -> {
                // Deliveries and the like name the incident but do not change it.
            }
        }
    }

    private void received(int number, AuditEntry entry, JsonNode data) {
        Version version = versions.computeIfAbsent(number, Version::new);
        version.receivedSeq = entry.seq;
        version.submittedBy = entry.principal;
        version.contentHash = text(data, "content_hash");
        version.receivedAt = text(data, "received_at");
        version.report = data.get("report");
        currentVersion = number;
        currentVersionSeq = entry.seq;
    }

    private void evaluated(AuditEntry entry, JsonNode data) {
        // Entries from before corrections existed carry no version: they judged the only one.
        int number = data.hasNonNull("version") ? data.get("version").asInt() : currentVersion;
        Version version = versions.computeIfAbsent(number, Version::new);
        version.evaluatedSeq = entry.seq;
        version.verdict = text(data, "verdict");
        version.rulesetVersion = text(data, "ruleset_version");
        version.evaluations = data.get("evaluations");
        version.resolvedActors = data.get("resolved_actors");
        if (number == currentVersion) {
            // A freshly judged version starts over with the auditors (IncidentService.apply).
            reviewStatus = initialReviewStatus(version.verdict);
            reviewStatusSeq = entry.seq;
        }
    }

    private void reviewed(AuditEntry entry, JsonNode data) {
        String decision = text(data, "decision");
        String id = text(data, "review_id");
        reviews.put(id, new Review(id, entry.seq, data.path("version").asInt(), decision, text(data, "reason"),
                data.get("violating_parties"), entry.principal, text(data, "decided_at")));
        reviewStatus = decision;
        reviewStatusSeq = entry.seq;
    }

    private static String initialReviewStatus(String verdict) {
        try {
            return verdict == null ? null : StoredReports.initialReviewStatus(verdict);
        } catch (IllegalArgumentException e) {
            return "(no status for verdict " + verdict + ")";
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
