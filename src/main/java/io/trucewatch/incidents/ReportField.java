package io.trucewatch.incidents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The fields of an incident report (CONTRACT §1), in the contract's order: the one list that the
 * parser ({@link ReportParser}), the CSV import and export ({@link AcledCsv}) and the GeoJSON export
 * ({@link IncidentExports}) go through. A new field is a constant here and a component of
 * {@link IncidentReport} named as its wire name in camelCase ({@link ReportValues} checks that
 * the two agree when it loads).
 *
 * <p>The order here is the contract's; it is not what the stored JSON or its hash depend on
 * ({@code CanonicalJson} sorts keys), but it is the order of the GeoJSON properties and, but for
 * one field, of the CSV columns.
 */
public enum ReportField {

    EXTERNAL_ID("external_id", Kind.TEXT, 128, GeoJson.PROPERTY, "event_id_cnty"),
    EVENT_DATE("event_date", Kind.DATE, GeoJson.PROPERTY),
    OCCURRED_AT("occurred_at", Kind.DATE_TIME, GeoJson.PROPERTY),
    TIME_PRECISION("time_precision", Kind.PRECISION, GeoJson.LEFT_OUT),
    EVENT_TYPE("event_type", Kind.REQUIRED_TEXT, GeoJson.PROPERTY),
    SUB_EVENT_TYPE("sub_event_type", Kind.REQUIRED_TEXT, GeoJson.PROPERTY),
    ACTOR1("actor1", Kind.REQUIRED_TEXT, GeoJson.PROPERTY),
    ASSOC_ACTOR_1("assoc_actor_1", Kind.TEXT, GeoJson.PROPERTY),
    ACTOR2("actor2", Kind.TEXT, GeoJson.PROPERTY),
    ASSOC_ACTOR_2("assoc_actor_2", Kind.TEXT, GeoJson.PROPERTY),
    CIVILIAN_TARGETING("civilian_targeting", Kind.FLAG, GeoJson.LEFT_OUT),
    WEAPON("weapon", Kind.TEXT, GeoJson.PROPERTY),
    COUNTRY("country", Kind.TEXT, GeoJson.PROPERTY),
    ADMIN1("admin1", Kind.TEXT, GeoJson.PROPERTY),
    ADMIN2("admin2", Kind.TEXT, GeoJson.PROPERTY),
    ADMIN3("admin3", Kind.TEXT, GeoJson.PROPERTY),
    LOCATION("location", Kind.TEXT, GeoJson.PROPERTY),
    LATITUDE("latitude", Kind.LATITUDE, GeoJson.GEOMETRY),
    LONGITUDE("longitude", Kind.LONGITUDE, GeoJson.GEOMETRY),
    GEO_PRECISION("geo_precision", Kind.PRECISION, GeoJson.PROPERTY),
    FATALITIES("fatalities", Kind.COUNT, GeoJson.PROPERTY),
    SOURCE("source", Kind.TEXT, GeoJson.PROPERTY),
    SOURCE_SCALE("source_scale", Kind.TEXT, GeoJson.LEFT_OUT),
    NOTES("notes", Kind.TEXT, 10_000, GeoJson.PROPERTY);

    /** Characters a text field may hold unless it says otherwise: room for any name or list of sources. */
    static final int MAX_TEXT = 1000;

    /** What a field holds, and so how it is read and written. */
    public enum Kind {
        TEXT(String.class),
        /** Text the report cannot be judged without: absent is an error. */
        REQUIRED_TEXT(String.class),
        /** {@code YYYY-MM-DD}. */
        DATE(LocalDate.class),
        /** ISO-8601 with an offset, kept as the UTC instant. */
        DATE_TIME(Instant.class),
        /** ACLED's 1, 2 or 3. */
        PRECISION(Integer.class),
        /** An integer, 0 or more. */
        COUNT(Integer.class),
        FLAG(Boolean.class),
        /** Decimal degrees, -90 to 90. */
        LATITUDE(Double.class),
        /** Decimal degrees, -180 to 180. */
        LONGITUDE(Double.class);

        private final Class<?> javaType;

        Kind(Class<?> javaType) {
            this.javaType = javaType;
        }

        /** The type of the {@link IncidentReport} component that holds such a field. */
        public Class<?> javaType() {
            return javaType;
        }

        /** A JSON number (and a CSV cell left as written, since a negative number is not a formula). */
        public boolean isNumber() {
            return Number.class.isAssignableFrom(javaType);
        }
    }

    /** Where a field goes in a GeoJSON Feature (RFC 7946). */
    public enum GeoJson {
        /** Copied into the feature's properties when present. */
        PROPERTY,
        /** Written as the feature's Point, not as a property. */
        GEOMETRY,
        /** Only in the CSV and JSON forms: a map has no use for it. */
        LEFT_OUT
    }

    private static final Map<String, ReportField> BY_CSV_COLUMN = byCsvColumn();

    private final String wireName;
    private final Kind kind;
    private final int maxLength;
    private final GeoJson geoJson;
    private final List<String> acledNames;

    ReportField(String wireName, Kind kind, GeoJson geoJson) {
        this(wireName, kind, ReportField.MAX_TEXT, geoJson);
    }

    ReportField(String wireName, Kind kind, int maxLength, GeoJson geoJson, String... acledNames) {
        this.wireName = wireName;
        this.kind = kind;
        this.maxLength = maxLength;
        this.geoJson = geoJson;
        this.acledNames = List.of(acledNames);
    }

    /** The name in the JSON body, in the stored report and in CSV headers. */
    public String wireName() {
        return wireName;
    }

    public Kind kind() {
        return kind;
    }

    /** The most characters a text field may hold (text kinds only). */
    public int maxLength() {
        return maxLength;
    }

    public GeoJson geoJson() {
        return geoJson;
    }

    /** Other names ACLED's exports give this column ({@code event_id_cnty} is our {@code external_id}). */
    public List<String> acledNames() {
        return acledNames;
    }

    /** Every CSV header that means this field: its own name first, then ACLED's. */
    public List<String> csvColumns() {
        return Stream.concat(Stream.of(wireName), acledNames.stream()).toList();
    }

    /** The {@link IncidentReport} component holding this field: the wire name in camelCase. */
    String componentName() {
        StringBuilder name = new StringBuilder();
        for (String part : wireName.split("_")) {
            name.append(name.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return name.toString();
    }

    /** The field a JSON property names; ACLED's names are not ours, so they name none. */
    public static Optional<ReportField> byWireName(String name) {
        ReportField field = BY_CSV_COLUMN.get(name);
        return field != null && field.wireName.equals(name) ? Optional.of(field) : Optional.empty();
    }

    /** The field a (lower-case) CSV header names, by our name or by ACLED's. */
    public static Optional<ReportField> byCsvColumn(String column) {
        return Optional.ofNullable(BY_CSV_COLUMN.get(column));
    }

    private static Map<String, ReportField> byCsvColumn() {
        Map<String, ReportField> byName = new HashMap<>();
        for (ReportField field : values()) {
            for (String column : field.csvColumns()) {
                if (byName.put(column, field) != null) {
                    throw new IllegalStateException("two report fields are called " + column);
                }
            }
        }
        return Map.copyOf(byName);
    }
}
