package io.trucewatch.incidents;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.trucewatch.audit.CanonicalJson;
import io.trucewatch.corroboration.EventSummary;
import io.trucewatch.web.WellFormedText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored report as the API answers it (CONTRACT §2). {@code evaluations} and {@code incident}
 * are the JSON stored when that version was judged, so a client always reads what it was told.
 *
 * @param receivedAt  when the first version was received (of a version: when that one was)
 * @param submittedBy who submitted the first version (of a version: who submitted that one)
 * @param version     the version shown; {@code versions} lists them all (single report only)
 * @param reviewStatus the report's standing with the auditors; absent on an earlier version
 * @param attributionOpen the truces whose verdict is PROBABLE_VIOLATION with no violating party:
 *                    violated, by a side the report does not name, which the reviewer must name
 * @param event       the event the report is linked to, with its corroborating and duplicate
 *                    reports (single report only; absent until the report is linked)
 */
public record IncidentView(
        String id,
        String externalId,
        int version,
        Instant receivedAt,
        String submittedBy,
        String verdict,
        JsonNode evaluations,
        String rulesetVersion,
        String reviewStatus,
        JsonNode incident,
        List<VersionSummary> versions,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> attributionOpen,
        @JsonInclude(JsonInclude.Include.NON_NULL) EventSummary event) {

    private IncidentView(String id, String externalId, int version, Instant receivedAt, String submittedBy,
            String verdict, JsonNode evaluations, String rulesetVersion, String reviewStatus, JsonNode incident,
            List<VersionSummary> versions) {
        this(id, externalId, version, receivedAt, submittedBy, verdict, evaluations, rulesetVersion, reviewStatus,
                incident, versions, attributionOpen(evaluations), null);
    }

    /** The same view, with the event the report is linked to (a single report's answer only). */
    public IncidentView withEvent(EventSummary linked) {
        return new IncidentView(id, externalId, version, receivedAt, submittedBy, verdict, evaluations, rulesetVersion,
                reviewStatus, incident, versions, attributionOpen, linked);
    }

    /** The truces of an evaluation that found a violation without naming who committed it. */
    static List<String> attributionOpen(JsonNode evaluations) {
        List<String> open = new ArrayList<>();
        if (evaluations != null) {
            for (JsonNode evaluation : evaluations) {
                JsonNode parties = evaluation.path("violating_parties");
                if ("PROBABLE_VIOLATION".equals(evaluation.path("verdict").asText()) && parties.isEmpty()) {
                    open.add(evaluation.path("truce").asText());
                }
            }
        }
        return List.copyOf(open);
    }

    /** One entry of a report's history. */
    public record VersionSummary(int version, Instant receivedAt, String submittedBy, String verdict,
            String rulesetVersion) {
    }

    /** The latest version, as lists show it (without the history). */
    public static IncidentView of(Incident stored) {
        JudgedReport judged = stored.judged;
        return new IncidentView(stored.id, WellFormedText.of(stored.externalId), stored.currentVersion,
                stored.receivedAt, stored.submittedBy, judged.verdict, stored(judged.evaluationJson),
                judged.rulesetVersion, stored.reviewStatus, stored(judged.reportJson), null);
    }

    /**
     * Stored JSON as answered: well formed. Reports stored before requests were checked may hold
     * unpaired surrogates, which have no UTF-8 form; they are shown as U+FFFD.
     */
    private static JsonNode stored(String json) {
        return WellFormedText.of(CanonicalJson.parse(json));
    }

    static IncidentView withVersions(Incident stored, List<IncidentVersion> versions) {
        IncidentView latest = of(stored);
        return new IncidentView(latest.id, latest.externalId, latest.version, latest.receivedAt, latest.submittedBy,
                latest.verdict, latest.evaluations, latest.rulesetVersion, latest.reviewStatus, latest.incident,
                versions.stream().map(v -> new VersionSummary(v.number, v.receivedAt, v.submittedBy, v.judged.verdict,
                        v.judged.rulesetVersion)).toList());
    }

    static IncidentView ofVersion(Incident stored, IncidentVersion version) {
        boolean latest = version.number == stored.currentVersion;
        JudgedReport judged = version.judged;
        return new IncidentView(stored.id, WellFormedText.of(stored.externalId), version.number, version.receivedAt,
                version.submittedBy, judged.verdict, stored(judged.evaluationJson), judged.rulesetVersion,
                latest ? stored.reviewStatus : null, stored(judged.reportJson), null);
    }
}
