package io.trucewatch.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trucewatch.web.DateRanges;
import io.trucewatch.web.Problem.FieldError;
import io.trucewatch.web.ProblemException;
import io.trucewatch.web.StrictJson;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an incident report (CONTRACT §1) from its JSON text, checking every field and collecting
 * every error, so one 400 names all offending fields at once. Jackson binding alone stops at the
 * first error and cannot say "latitude without longitude".
 */
public final class ReportParser {

    static final int MAX_TEXT = 1000;
    static final int MAX_NOTES = 10_000;
    static final int MAX_EXTERNAL_ID = 128;
    /** Longer than any date or date-time in range, so that "+999999999-12-31" is named as out of range. */
    static final int MAX_DATE = 64;

    private static final Set<String> FIELDS = Set.of("external_id", "event_date", "occurred_at", "time_precision",
            "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
            "civilian_targeting", "weapon", "country", "admin1", "admin2", "admin3", "location", "latitude",
            "longitude", "geo_precision", "fatalities", "source", "source_scale", "notes");

    private final ObjectNode body;
    /** The time dates are judged against; null: dates are not held to {@link DateRanges}. */
    private final Instant now;
    private final List<FieldError> errors = new ArrayList<>();

    private ReportParser(ObjectNode body, Instant now) {
        this.body = body;
        this.now = now;
    }

    /**
     * A report sent to the API (a request body, an import row, a scenario): strict JSON
     * ({@link StrictJson}) and dates within {@link DateRanges}, judged against the current time.
     */
    public static IncidentReport parse(String json) {
        return new ReportParser(StrictJson.object(json), Instant.now()).read();
    }

    /**
     * A report as stored, read back to be judged again: the same checks, except the plausible date
     * ranges, which came after some reports were stored. A report the service once accepted is
     * re-judged, not refused.
     */
    static IncidentReport stored(ObjectNode stored) {
        return new ReportParser(stored, null).read();
    }

    private IncidentReport read() {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "unknown field"));
            }
        }
        String externalId = text("external_id", MAX_EXTERNAL_ID);
        LocalDate eventDate = date("event_date");
        Instant occurredAt = dateTime("occurred_at");
        if (absent("event_date") && absent("occurred_at")) {
            errors.add(new FieldError("event_date", "one of event_date or occurred_at is required"));
        }
        Integer timePrecision = precision("time_precision");
        String eventType = vocabulary();
        String subEventType = eventType == null ? required("sub_event_type") : subVocabulary(eventType);
        String actor1 = required("actor1");
        Double latitude = coordinate("latitude", 90);
        Double longitude = coordinate("longitude", 180);
        if (absent("latitude") != absent("longitude")) {
            errors.add(new FieldError(absent("latitude") ? "latitude" : "longitude",
                    "latitude and longitude must be given together"));
        }
        String admin1 = text("admin1", MAX_TEXT);
        if (admin1 == null && absent("latitude") && absent("longitude")) {
            errors.add(new FieldError("admin1", "admin1 or latitude/longitude is required"));
        }
        Integer fatalities = integer("fatalities");
        if (fatalities != null && fatalities < 0) {
            errors.add(new FieldError("fatalities", "must be 0 or more"));
        }
        IncidentReport report = new IncidentReport(externalId, eventDate, occurredAt, timePrecision, eventType, subEventType, actor1,
                text("assoc_actor_1", MAX_TEXT), text("actor2", MAX_TEXT), text("assoc_actor_2", MAX_TEXT),
                bool("civilian_targeting"), text("weapon", MAX_TEXT), text("country", MAX_TEXT), admin1,
                text("admin2", MAX_TEXT), text("admin3", MAX_TEXT), text("location", MAX_TEXT), latitude, longitude,
                precision("geo_precision"), fatalities, text("source", MAX_TEXT), text("source_scale", MAX_TEXT),
                text("notes", MAX_NOTES));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return report;
    }

    private boolean absent(String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() || (node.isTextual() && node.asText().isBlank());
    }

    private String text(String field, int max) {
        if (absent(field)) {
            return null;
        }
        JsonNode node = body.get(field);
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        String value = node.asText().strip();
        if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        return value;
    }

    private String required(String field) {
        String value = text(field, MAX_TEXT);
        if (absent(field)) {
            errors.add(new FieldError(field, "required"));
        }
        return value;
    }

    private String vocabulary() {
        String value = required("event_type");
        if (value == null) {
            return null;
        }
        Optional<String> canonical = EventVocabulary.eventType(value);
        if (canonical.isEmpty()) {
            errors.add(new FieldError("event_type", "'" + value + "' is not an ACLED event type; one of "
                    + String.join(", ", EventVocabulary.eventTypes())));
        }
        return canonical.orElse(null);
    }

    private String subVocabulary(String eventType) {
        String value = required("sub_event_type");
        if (value == null) {
            return null;
        }
        Optional<String> canonical = EventVocabulary.subEventType(eventType, value);
        if (canonical.isEmpty()) {
            errors.add(new FieldError("sub_event_type", "'" + value + "' is not a sub-event type of '" + eventType
                    + "'; one of " + String.join(", ", EventVocabulary.subEventTypes(eventType))));
        }
        return canonical.orElse(null);
    }

    private LocalDate date(String field) {
        String value = text(field, MAX_DATE);
        if (value == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "'" + value + "' is not a date YYYY-MM-DD"));
            return null;
        }
        Optional<String> implausible = now == null ? Optional.empty() : DateRanges.eventDay(date, now);
        implausible.ifPresent(message -> errors.add(new FieldError(field, message)));
        return implausible.isPresent() ? null : date;
    }

    private Instant dateTime(String field) {
        String value = text(field, MAX_DATE);
        if (value == null) {
            return null;
        }
        OffsetDateTime dateTime;
        try {
            dateTime = OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field,
                    "'" + value + "' is not an ISO-8601 date-time with offset, e.g. 2016-04-10T14:30:00+03:00"));
            return null;
        }
        Optional<String> implausible = now == null ? Optional.empty() : DateRanges.eventTime(dateTime, now);
        if (implausible.isPresent()) {
            errors.add(new FieldError(field, implausible.get()));
            return null;
        }
        try {
            return dateTime.toInstant();
        } catch (DateTimeException e) {
            // Only a stored value from before the ranges existed can get here: an instant java.time cannot hold.
            errors.add(new FieldError(field, "'" + value + "' is not a representable instant"));
            return null;
        }
    }

    private Integer integer(String field) {
        if (absent(field)) {
            return null;
        }
        JsonNode node = body.get(field);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            errors.add(new FieldError(field, "must be an integer"));
            return null;
        }
        return node.intValue();
    }

    private Integer precision(String field) {
        Integer value = integer(field);
        if (value != null && (value < 1 || value > 3)) {
            errors.add(new FieldError(field, "must be 1, 2 or 3"));
            return null;
        }
        return value;
    }

    private Boolean bool(String field) {
        if (absent(field)) {
            return null;
        }
        JsonNode node = body.get(field);
        if (!node.isBoolean()) {
            errors.add(new FieldError(field, "must be true or false"));
            return null;
        }
        return node.booleanValue();
    }

    private Double coordinate(String field, double limit) {
        if (absent(field)) {
            return null;
        }
        JsonNode node = body.get(field);
        if (!node.isNumber()) {
            errors.add(new FieldError(field, "must be a number (decimal degrees)"));
            return null;
        }
        double value = node.doubleValue();
        if (value < -limit || value > limit) {
            errors.add(new FieldError(field, "must be between -" + (int) limit + " and " + (int) limit));
            return null;
        }
        return value;
    }
}
