package io.trucewatch.incidents;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import io.trucewatch.audit.CanonicalJson;
import io.trucewatch.web.WellFormedText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Streams matching reports as ACLED-style CSV or as a GeoJSON FeatureCollection (RFC 7946). Rows
 * are written as batches are read ({@link IncidentSearch#forEach}), never collected first. The
 * answer is 200 before the first row is written, so no stored string may make a row fail: text is
 * made well formed as it is written ({@link WellFormedText}, {@link CsvCells}).
 */
@ApplicationScoped
public class IncidentExports {

    public static final String CSV = "text/csv";
    public static final String GEO_JSON = "application/geo+json";

    private static final CsvMapper CSV_MAPPER = new CsvMapper();
    private static final JsonFactory JSON = new ObjectMapper().getFactory();
    /** Properties copied from the stored report into each feature, when present. */
    private static final List<String> FEATURE_FIELDS = Stream.of(ReportField.values())
            .filter(field -> field.geoJson() == ReportField.GeoJson.PROPERTY).map(ReportField::wireName).toList();
    private static final String LATITUDE = ReportField.LATITUDE.wireName();
    private static final String LONGITUDE = ReportField.LONGITUDE.wireName();

    @Inject
    IncidentSearch search;

    public StreamingOutput csv(IncidentFilter filter) {
        return out -> {
            try (SequenceWriter rows = CSV_MAPPER.writer(AcledCsv.exportSchema()).writeValues(out)) {
                search.forEach(filter, incident -> write(rows, AcledCsv.row(incident)));
            }
        };
    }

    public StreamingOutput geoJson(IncidentFilter filter) {
        return out -> {
            try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                json.writeStartObject();
                json.writeStringField("type", "FeatureCollection");
                json.writeArrayFieldStart("features");
                search.forEach(filter, incident -> {
                    try {
                        feature(json, incident);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                json.writeEndArray();
                json.writeEndObject();
            }
        };
    }

    /**
     * A Point at [longitude, latitude] (RFC 7946 §3.1.1: longitude first), or a null geometry for
     * a report placed only by name, which §3.2 allows.
     */
    private static void feature(JsonGenerator json, Incident incident) throws IOException {
        // Repaired as it is written: text stored before requests were checked may hold unpaired surrogates.
        JudgedReport judged = incident.judged;
        JsonNode report = WellFormedText.of(CanonicalJson.parse(judged.reportJson));
        json.writeStartObject();
        json.writeStringField("type", "Feature");
        json.writeStringField("id", incident.id);
        if (report.hasNonNull(LATITUDE) && report.hasNonNull(LONGITUDE)) {
            json.writeObjectFieldStart("geometry");
            json.writeStringField("type", "Point");
            json.writeArrayFieldStart("coordinates");
            json.writeNumber(report.get(LONGITUDE).asDouble());
            json.writeNumber(report.get(LATITUDE).asDouble());
            json.writeEndArray();
            json.writeEndObject();
        } else {
            json.writeNullField("geometry");
        }
        json.writeObjectFieldStart("properties");
        for (String field : FEATURE_FIELDS) {
            if (report.hasNonNull(field)) {
                json.writeFieldName(field);
                json.writeTree(report.get(field));
            }
        }
        json.writeNumberField("version", incident.currentVersion);
        json.writeStringField("verdict", judged.verdict);
        DecisionSummary decided = DecisionSummary.of(judged.evaluationJson);
        writeStrings(json, "violating_parties", decided.violatingParties());
        writeStrings(json, "rules", decided.rules());
        json.writeStringField("review_status", incident.reviewStatus);
        json.writeStringField("ruleset_version", judged.rulesetVersion);
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeStrings(JsonGenerator json, String field, Set<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(WellFormedText.of(value));
        }
        json.writeEndArray();
    }

    private static void write(SequenceWriter rows, Object row) {
        try {
            rows.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
