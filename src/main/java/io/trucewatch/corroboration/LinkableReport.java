package io.trucewatch.corroboration;

import com.fasterxml.jackson.databind.JsonNode;
import io.trucewatch.audit.CanonicalJson;
import io.trucewatch.territory.PlaceNames;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What deciding "the same event?" needs of a stored report: when, where, what kind, who acted,
 * and its sources.
 *
 * @param day        event_date, or the UTC day of occurred_at
 * @param at         occurred_at, when the report has it
 * @param actor1     what actor1 resolved to in the registry, or null (unresolved, alternatives)
 * @param unattributed actor1 is an unidentified armed group or unresolved: it cannot contradict a name
 * @param place      the location's lookup key (case, accents, article ignored), or null
 * @param sources    the report's sources, split on ';' and ',' and folded to lower case
 */
public record LinkableReport(String incidentId, String country, String eventType, LocalDate day, Instant at,
        String actor1, boolean unattributed, Double latitude, Double longitude, String admin1, String place,
        Set<String> sources) {

    public LinkableReport {
        sources = sources == null ? Set.of() : Set.copyOf(new TreeSet<>(sources));
    }

    /** The order reports are linked in: event day, then time (untimed first), then id. */
    public static final Comparator<LinkableReport> ORDER = Comparator.comparing(LinkableReport::day)
            .thenComparing(r -> r.at() == null ? Instant.EPOCH : r.at()).thenComparing(LinkableReport::incidentId);

    /** A stored report's JSON (with its resolved actors) read for linking. */
    public static LinkableReport of(String incidentId, String reportJson) {
        JsonNode report = CanonicalJson.parse(reportJson);
        Instant at = report.hasNonNull("occurred_at") ? Instant.parse(report.get("occurred_at").asText()) : null;
        LocalDate day = report.hasNonNull("event_date") ? LocalDate.parse(report.get("event_date").asText())
                : at.atOffset(ZoneOffset.UTC).toLocalDate();
        String actor1 = null;
        boolean unattributed = true;
        for (JsonNode actor : report.path("resolved_actors")) {
            if ("actor1".equals(actor.path("role").asText())) {
                actor1 = actor.path("actor_id").asText(null);
                unattributed = actor1 == null || actor1.startsWith("unidentified");
            }
        }
        Set<String> sources = new TreeSet<>();
        for (String source : report.path("source").asText("").split("[;,]")) {
            if (!source.isBlank()) {
                sources.add(source.strip().toLowerCase(Locale.ROOT));
            }
        }
        String location = report.path("location").asText(null);
        return new LinkableReport(incidentId, report.path("country").asText(null), report.path("event_type").asText(null),
                day, at, actor1, unattributed, number(report, "latitude"), number(report, "longitude"),
                report.path("admin1").asText(null), location == null || location.isBlank() ? null : PlaceNames.key(location),
                sources);
    }

    private static Double number(JsonNode report, String field) {
        return report.hasNonNull(field) ? report.get(field).asDouble() : null;
    }
}
