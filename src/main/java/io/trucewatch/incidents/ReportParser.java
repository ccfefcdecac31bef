package io.trucewatch.incidents;

import static io.trucewatch.incidents.ReportField.ACTOR1;
import static io.trucewatch.incidents.ReportField.ADMIN1;
import static io.trucewatch.incidents.ReportField.EVENT_DATE;
import static io.trucewatch.incidents.ReportField.EVENT_TYPE;
import static io.trucewatch.incidents.ReportField.EXTERNAL_ID;
import static io.trucewatch.incidents.ReportField.FATALITIES;
import static io.trucewatch.incidents.ReportField.LATITUDE;
import static io.trucewatch.incidents.ReportField.LONGITUDE;
import static io.trucewatch.incidents.ReportField.OCCURRED_AT;
import static io.trucewatch.incidents.ReportField.SUB_EVENT_TYPE;
import static io.trucewatch.incidents.ReportField.TIME_PRECISION;

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

/**
 * Reads an incident report (CONTRACT §1) from its JSON text, checking every field and collecting
 * every error, so one 400 names all offending fields at once. Jackson binding alone stops at the
 * first error and cannot say "latitude without longitude".
 */
public final class ReportParser {

    /** Longer than any date or date-time in range, so that "+999999999-12-31" is named as out of range. */
    static final int MAX_DATE = 64;

    private final ObjectNode body;
    /** The time dates are judged against; null: dates are not held to {@link DateRanges}. */
    private final Instant now;
    private final List<FieldError> errors = new ArrayList<>();
    private final ReportValues values = new ReportValues();

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
            if (ReportField.byWireName(name).isEmpty()) {
                errors.add(new FieldError(name, "unknown field"));
            }
        }
        readRelatedFields();
        for (ReportField field : ReportField.values()) {
            if (!values.has(field)) {
                values.put(field, read(field));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return values.toReport();
    }

    /**
     * The fields a rule ties to another (CONTRACT §1: event_date or occurred_at, latitude with
     * longitude, admin1 or coordinates, a sub-event type of its event type), each rule checked
     * right after the fields it joins, and the fields whose errors have always been listed among
     * them. This is the order of the errors in a 400, so it stays as it was; every other field is
     * read after these, in {@link ReportField} order.
     */
    private void readRelatedFields() {
        readEach(EXTERNAL_ID, EVENT_DATE, OCCURRED_AT);
        if (absent(EVENT_DATE) && absent(OCCURRED_AT)) {
            error(EVENT_DATE, "one of event_date or occurred_at is required");
        }
        readEach(TIME_PRECISION);
        readEventTypes();
        readEach(ACTOR1, LATITUDE, LONGITUDE);
        if (absent(LATITUDE) != absent(LONGITUDE)) {
            error(absent(LATITUDE) ? LATITUDE : LONGITUDE, "latitude and longitude must be given together");
        }
        readEach(ADMIN1);
        if (values.get(ADMIN1) == null && absent(LATITUDE) && absent(LONGITUDE)) {
            error(ADMIN1, "admin1 or latitude/longitude is required");
        }
        readEach(FATALITIES);
    }

    private void readEach(ReportField... fields) {
        for (ReportField field : fields) {
            values.put(field, read(field));
        }
    }

    /** One field as its kind is read; null if absent or not valid (the error is recorded). */
    private Object read(ReportField field) {
        return switch (field.kind()) {
            case TEXT -> text(field, field.maxLength());
            case REQUIRED_TEXT -> required(field);
            case DATE -> date(field);
            case DATE_TIME -> dateTime(field);
            case PRECISION -> precision(field);
            case COUNT -> count(field);
            case FLAG -> bool(field);
            case LATITUDE -> coordinate(field, 90);
            case LONGITUDE -> coordinate(field, 180);
        };
    }

    private void error(ReportField field, String message) {
        errors.add(new FieldError(field.wireName(), message));
    }

    private boolean absent(ReportField field) {
        JsonNode node = body.get(field.wireName());
        return node == null || node.isNull() || (node.isTextual() && node.asText().isBlank());
    }

    private String text(ReportField field, int max) {
        if (absent(field)) {
            return null;
        }
        JsonNode node = body.get(field.wireName());
        if (!node.isTextual()) {
            error(field, "must be a string");
            return null;
        }
        String value = node.asText().strip();
        if (value.length() > max) {
            error(field, "must be at most " + max + " characters");
            return null;
        }
        return value;
    }

    private String required(ReportField field) {
        String value = text(field, field.maxLength());
        if (absent(field)) {
            error(field, "required");
        }
        return value;
    }

    /** event_type and sub_event_type, each in its canonical spelling (CONTRACT §3). */
    private void readEventTypes() {
        String eventType = eventType();
        values.put(EVENT_TYPE, eventType);
        values.put(SUB_EVENT_TYPE, eventType == null ? required(SUB_EVENT_TYPE) : subEventType(eventType));
    }

    /** The event type in its canonical spelling; null if absent or not one of ACLED's. */
    private String eventType() {
        String value = required(EVENT_TYPE);
        if (value == null) {
            return null;
        }
        Optional<String> canonical = EventVocabulary.eventType(value);
        if (canonical.isEmpty()) {
            error(EVENT_TYPE, "'" + value + "' is not an ACLED event type; one of "
                    + String.join(", ", EventVocabulary.eventTypes()));
        }
        return canonical.orElse(null);
    }

    private String subEventType(String eventType) {
        String value = required(SUB_EVENT_TYPE);
        if (value == null) {
            return null;
        }
        Optional<String> canonical = EventVocabulary.subEventType(eventType, value);
        if (canonical.isEmpty()) {
            error(SUB_EVENT_TYPE, "'" + value + "' is not a sub-event type of '" + eventType
                    + "'; one of " + String.join(", ", EventVocabulary.subEventTypes(eventType)));
        }
        return canonical.orElse(null);
    }

    private LocalDate date(ReportField field) {
        String value = text(field, MAX_DATE);
        if (value == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            error(field, "'" + value + "' is not a date YYYY-MM-DD");
            return null;
        }
        Optional<String> implausible = now == null ? Optional.empty() : DateRanges.eventDay(date, now);
        implausible.ifPresent(message -> error(field, message));
        return implausible.isPresent() ? null : date;
    }

    private Instant dateTime(ReportField field) {
        String value = text(field, MAX_DATE);
        if (value == null) {
            return null;
        }
        OffsetDateTime dateTime;
        try {
            dateTime = OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            error(field, "'" + value + "' is not an ISO-8601 date-time with offset, e.g. 2016-04-10T14:30:00+03:00");
            return null;
        }
        Optional<String> implausible = now == null ? Optional.empty() : DateRanges.eventTime(dateTime, now);
        if (implausible.isPresent()) {
            error(field, implausible.get());
            return null;
        }
        try {
            return dateTime.toInstant();
        } catch (DateTimeException e) {
            // Only a stored value from before the ranges existed can get here: an instant java.time cannot hold.
            error(field, "'" + value + "' is not a representable instant");
            return null;
        }
    }

    private Integer integer(ReportField field) {
        if (absent(field)) {
            return null;
        }
        JsonNode node = body.get(field.wireName());
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            error(field, "must be an integer");
            return null;
        }
        return node.intValue();
    }

    private Integer precision(ReportField field) {
        Integer value = integer(field);
        if (value != null && (value < 1 || value > 3)) {
            error(field, "must be 1, 2 or 3");
            return null;
        }
        return value;
    }

    private Integer count(ReportField field) {
        Integer value = integer(field);
        if (value != null && value < 0) {
            error(field, "must be 0 or more");
            return null;
        }
        return value;
    }

    private Boolean bool(ReportField field) {
        if (absent(field)) {
            return null;
        }
        JsonNode node = body.get(field.wireName());
        if (!node.isBoolean()) {
            error(field, "must be true or false");
            return null;
        }
        return node.booleanValue();
    }

    private Double coordinate(ReportField field, int limit) {
        if (absent(field)) {
            return null;
        }
        JsonNode node = body.get(field.wireName());
        if (!node.isNumber()) {
            error(field, "must be a number (decimal degrees)");
            return null;
        }
        double value = node.doubleValue();
        if (value < -limit || value > limit) {
            error(field, "must be between -" + limit + " and " + limit);
            return null;
        }
        return value;
    }
}
