package io.trucewatch.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trucewatch.incidents.Incident;
import io.trucewatch.incidents.IncidentActor;
import io.trucewatch.incidents.IncidentTruceVerdict;
import io.trucewatch.incidents.IncidentVersion;
import io.trucewatch.review.Review;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares one incident's stored rows with what its audit entries say, field by field, and names
 * the first that differs. Values the chain does not record (times and resolved actors in entries
 * written before they were recorded) are not compared: nothing says what they must be.
 */
final class IncidentComparison {

    /** One incident's rows as stored: the incident, its versions, its per-truce verdicts, its reviews. */
    record Stored(Incident incident, List<IncidentVersion> versions, List<IncidentTruceVerdict> truceVerdicts,
            List<Review> reviews, List<IncidentActor> actors) {
    }

    private IncidentComparison() {
    }

    static StateMismatch firstMismatch(Stored stored, RecordedIncident recorded) {
        Incident incident = stored.incident();
        String id = incident.id;
        if (recorded.receivedSeq == null) {
            return StateMismatch.of(id, "incident", "stored", "no REPORT_RECEIVED entry: it never recorded this incident",
                    null);
        }
        if (incident.currentVersion != recorded.currentVersion) {
            return StateMismatch.of(id, "current_version", incident.currentVersion, recorded.currentVersion,
                    recorded.currentVersionSeq);
        }
        if (stored.versions().size() != recorded.versions.size()) {
            return StateMismatch.of(id, "version_count", stored.versions().size(), recorded.versions.size(),
                    recorded.currentVersionSeq);
        }
        Map<Integer, IncidentVersion> versions = stored.versions().stream()
                .collect(Collectors.toMap(v -> v.number, Function.identity()));
        for (RecordedIncident.Version version : recorded.versions.values()) {
            StateMismatch mismatch = versionMismatch(id, versions.get(version.number), version);
            if (mismatch != null) {
                return mismatch;
            }
        }
        RecordedIncident.Version current = recorded.current();
        StateMismatch mismatch = currentMismatch(stored, current);
        if (mismatch != null) {
            return mismatch;
        }
        if (!Objects.equals(incident.reviewStatus, recorded.reviewStatus)) {
            return StateMismatch.of(id, "review_status", incident.reviewStatus, recorded.reviewStatus,
                    recorded.reviewStatusSeq);
        }
        RecordedIncident.Version first = recorded.versions.get(1);
        String firstReceived = first == null ? null : first.receivedAt;
        mismatch = firstDifference(id, new Field[] {
            new Field("received_at", whenRecorded(incident.receivedAt, firstReceived), firstReceived, recorded.receivedSeq),
            new Field("submitted_by", incident.submittedBy, recorded.submittedBy, recorded.receivedSeq),
            new Field("external_id", incident.externalId, recorded.externalId, recorded.receivedSeq)});
        return mismatch != null ? mismatch : reviewMismatch(id, stored.reviews(), recorded);
    }

    /** A stored version row against its entries. */
    private static StateMismatch versionMismatch(String id, IncidentVersion row, RecordedIncident.Version version) {
        String name = "versions[" + version.number + "]";
        if (row == null) {
            return StateMismatch.of(id, name, "(missing)", "recorded", version.receivedSeq);
        }
        StoredReport report = StoredReport.of(row.judged.reportJson);
        return firstDifference(id, new Field[] {
            new Field(name + ".content_hash", row.judged.contentHash, version.contentHash, version.receivedSeq),
            new Field(name + ".received_at", whenRecorded(row.receivedAt, version.receivedAt), version.receivedAt,
                    version.receivedSeq),
            new Field(name + ".submitted_by", row.submittedBy, version.submittedBy, version.receivedSeq),
            new Field(name + ".verdict", row.judged.verdict, version.verdict, version.evaluatedSeq),
            new Field(name + ".ruleset_version", row.judged.rulesetVersion, version.rulesetVersion,
                    version.evaluatedSeq),
            new Field(name + ".evaluation_json", tree(row.judged.evaluationJson), version.evaluations,
                    version.evaluatedSeq),
            new Field(name + ".report_json", report.report(), version.report, version.receivedSeq),
            new Field(name + ".resolved_actors", report.resolvedActorsIfRecorded(version.resolvedActors),
                    version.resolvedActors, version.evaluatedSeq)});
    }

    /** The incident row's copy of the current version, and the per-truce verdicts that index it. */
    private static StateMismatch currentMismatch(Stored stored, RecordedIncident.Version current) {
        Incident incident = stored.incident();
        String id = incident.id;
        StateMismatch mismatch = firstDifference(id, new Field[] {
            new Field("verdict", incident.judged.verdict, current.verdict, current.evaluatedSeq)});
        if (mismatch != null) {
            return mismatch;
        }
        Map<String, String> storedTruces = new TreeMap<>();
        stored.truceVerdicts().forEach(row -> storedTruces.put(row.truceId, row.verdict));
        Map<String, String> recordedTruces = new TreeMap<>();
        if (current.evaluations != null) {
            current.evaluations.forEach(e -> recordedTruces.put(e.path("truce").asText(), e.path("verdict").asText()));
        }
        TreeSet<String> truces = new TreeSet<>(storedTruces.keySet());
        truces.addAll(recordedTruces.keySet());
        for (String truce : truces) {
            if (!Objects.equals(storedTruces.get(truce), recordedTruces.get(truce))) {
                return StateMismatch.of(id, "truce_verdicts[" + truce + "]", storedTruces.get(truce),
                        recordedTruces.get(truce), current.evaluatedSeq);
            }
        }
        JsonNode report = current.report;
        StoredReport storedReport = StoredReport.of(incident.judged.reportJson);
        return firstDifference(id, new Field[] {
            new Field("content_hash", incident.judged.contentHash, current.contentHash, current.receivedSeq),
            new Field("ruleset_version", incident.judged.rulesetVersion, current.rulesetVersion, current.evaluatedSeq),
            new Field("evaluation_json", tree(incident.judged.evaluationJson), current.evaluations,
                    current.evaluatedSeq),
            new Field("report_json", storedReport.report(), report, current.receivedSeq),
            new Field("event_day", Objects.toString(incident.eventDay, null), eventDay(report), current.receivedSeq),
            new Field("admin1", incident.admin1, report == null ? null : text(report, "admin1"), current.receivedSeq),
            new Field("resolved_actors", storedReport.resolvedActorsIfRecorded(current.resolvedActors),
                    current.resolvedActors, current.evaluatedSeq),
            new Field("actor_index", current.resolvedActors == null ? null : actorIndex(stored.actors()),
                    current.resolvedActors == null ? null : actorIndex(current.resolvedActors), current.evaluatedSeq)});
    }

    /**
     * A stored report's JSON, read once: the report as the chain's REPORT_RECEIVED records it, and
     * what its actors resolved to, which the REPORT_EVALUATED entry records.
     */
    private record StoredReport(JsonNode report, JsonNode resolvedActors) {

        static StoredReport of(String reportJson) {
            JsonNode report = tree(reportJson);
            JsonNode actors = report instanceof ObjectNode object ? object.remove("resolved_actors") : null;
            return new StoredReport(report, actors);
        }

        /** Null (not compared) for a version judged before the chain recorded resolved actors. */
        JsonNode resolvedActorsIfRecorded(JsonNode recorded) {
            return recorded == null ? null : resolvedActors;
        }
    }

    /** The actor filter's rows, in position order, as (role, as_written, actor_id). */
    private static JsonNode actorIndex(List<IncidentActor> rows) {
        ArrayNode index = JsonNodeFactory.instance.arrayNode();
        rows.stream().sorted(Comparator.comparingInt(row -> row.position))
                .forEach(row -> index.add(indexEntry(row.role, row.asWritten, row.actorId)));
        return index;
    }

    /** The same projection of the resolved actors an entry records: the rows they must give. */
    private static JsonNode actorIndex(JsonNode resolvedActors) {
        ArrayNode index = JsonNodeFactory.instance.arrayNode();
        resolvedActors.forEach(actor -> index.add(indexEntry(text(actor, "role"), text(actor, "as_written"),
                text(actor, "actor_id"))));
        return index;
    }

    private static ObjectNode indexEntry(String role, String asWritten, String actorId) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("role", role);
        entry.put("as_written", asWritten);
        entry.put("actor_id", actorId);
        return entry;
    }

    /**
     * A stored time as the chain writes it (ISO-8601), or null where the chain has none: entries
     * written before times were recorded say nothing about them, so nothing is compared.
     */
    private static String whenRecorded(java.time.Instant stored, String recorded) {
        return recorded == null ? null : Objects.toString(stored, null);
    }

    private static StateMismatch reviewMismatch(String id, List<Review> rows, RecordedIncident recorded) {
        Map<String, Review> stored = rows.stream().collect(Collectors.toMap(r -> r.id, Function.identity()));
        for (RecordedIncident.Review review : recorded.reviews.values()) {
            String name = "reviews[" + review.id() + "]";
            Review row = stored.remove(review.id());
            if (row == null) {
                return StateMismatch.of(id, name, "(missing)", "recorded", review.seq());
            }
            StateMismatch mismatch = firstDifference(id, new Field[] {
                new Field(name + ".decision", row.decision, review.decision(), review.seq()),
                new Field(name + ".version", row.version, review.version(), review.seq()),
                new Field(name + ".reviewer", row.reviewer, review.reviewer(), review.seq()),
                new Field(name + ".decided_at", whenRecorded(row.decidedAt, review.decidedAt()), review.decidedAt(), review.seq()),
                new Field(name + ".reason", row.reason, review.reason(), review.seq()),
                new Field(name + ".violating_parties", tree(row.violatingParties), nullIfJsonNull(review.violatingParties()),
                        review.seq())});
            if (mismatch != null) {
                return mismatch;
            }
        }
        return stored.keySet().stream().sorted().findFirst()
                .map(extra -> StateMismatch.of(id, "reviews[" + extra + "]", "stored", "no REVIEW_DECIDED entry", null))
                .orElse(null);
    }

    /** A stored value, the value the chain says, and the entry that says it. */
    private record Field(String name, Object stored, Object recorded, Long seq) {
    }

    private static StateMismatch firstDifference(String id, Field[] fields) {
        for (Field field : fields) {
            if (!Objects.equals(normalised(field.stored()), normalised(field.recorded()))) {
                return StateMismatch.of(id, field.name(), field.stored(), field.recorded(), field.seq());
            }
        }
        return null;
    }

    /** Numbers compare by value whatever their Java type (a stored int, a JSON int node). */
    private static Object normalised(Object value) {
        if (value instanceof JsonNode node && node.isNumber()) {
            return node.asText();
        }
        return value instanceof Number number ? number.toString() : value;
    }

    private static JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return CanonicalJson.parse(json);
        } catch (IllegalArgumentException e) {
            return CanonicalJson.tree("(not JSON) " + json);
        }
    }

    /** event_date, or the UTC day of occurred_at, as IncidentService derives event_day. */
    private static String eventDay(JsonNode report) {
        if (report == null) {
            return null;
        }
        String date = text(report, "event_date");
        if (date != null) {
            return date;
        }
        String occurredAt = text(report, "occurred_at");
        try {
            return occurredAt == null ? null : LocalDate.ofInstant(Instant.parse(occurredAt), ZoneOffset.UTC).toString();
        } catch (DateTimeParseException e) {
            return occurredAt;
        }
    }

    private static JsonNode nullIfJsonNull(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
