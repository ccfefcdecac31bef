package io.trucewatch.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.trucewatch.audit.CanonicalJson;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The CSV form of reports: the contract's fields in the order ACLED's exports put them, then what
 * the service decided. An exported file imports again; an ACLED export imports too (its
 * {@code event_id_cnty} is our {@code external_id}; its other columns are ignored).
 */
public final class AcledCsv {

    /** CONTRACT §1 fields in ACLED's column order (occurred_at and weapon, ours, beside their kin). */
    public static final List<String> REPORT_COLUMNS = List.of("external_id", "event_date", "occurred_at",
            "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
            "civilian_targeting", "weapon", "country", "admin1", "admin2", "admin3", "location", "latitude",
            "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities");

    public static final List<String> VERDICT_COLUMNS = List.of("verdict", "violating_parties", "rules",
            "review_status", "ruleset_version");

    /** ACLED columns with no counterpart in a report: accepted in an import and ignored. */
    static final Set<String> IGNORED_ON_IMPORT = Set.of("event_id_no_cnty", "year", "disorder_type", "inter1",
            "inter2", "interaction", "iso", "iso3", "region", "tags", "timestamp", "event_id", "id", "population_1km",
            "population_2km", "population_5km", "population_best");

    private static final Set<String> INTEGERS = Set.of("time_precision", "geo_precision", "fatalities");
    private static final Set<String> DECIMALS = Set.of("latitude", "longitude");
    private static final DateTimeFormatter ACLED_LONG_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private AcledCsv() {
    }

    public static CsvSchema exportSchema() {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        REPORT_COLUMNS.forEach(schema::addColumn);
        VERDICT_COLUMNS.forEach(schema::addColumn);
        return schema.build();
    }

    /** One export row: the latest version's report as stored, and its verdict. */
    static Map<String, String> row(Incident incident) {
        JsonNode report = CanonicalJson.parse(incident.reportJson);
        Map<String, String> row = new LinkedHashMap<>();
        for (String column : REPORT_COLUMNS) {
            JsonNode value = report.get(column);
            String text = value == null || value.isNull() ? "" : value.asText();
            row.put(column, isNumber(column) ? text : CsvCells.exported(text));
        }
        DecisionSummary decided = DecisionSummary.of(incident.evaluationJson);
        row.put("verdict", CsvCells.exported(incident.verdict));
        row.put("violating_parties", CsvCells.exported(String.join("; ", decided.violatingParties())));
        row.put("rules", CsvCells.exported(String.join("; ", decided.rules())));
        row.put("review_status", CsvCells.exported(incident.reviewStatus));
        row.put("ruleset_version", CsvCells.exported(incident.rulesetVersion));
        return row;
    }

    /** Header names an import cannot place: neither a report field, nor ours, nor a known ACLED column. */
    public static List<String> unknownColumns(List<String> header) {
        List<String> unknown = new ArrayList<>();
        for (String column : header) {
            String name = column.strip().toLowerCase(Locale.ROOT);
            if (!REPORT_COLUMNS.contains(name) && !VERDICT_COLUMNS.contains(name) && !name.equals("event_id_cnty")
                    && !IGNORED_ON_IMPORT.contains(name)) {
                unknown.add(column);
            }
        }
        return unknown;
    }

    /**
     * A CSV row as the JSON body of a report, for {@link ReportParser} to validate like any other:
     * numbers and booleans typed where they parse (left as text where they do not, so the parser
     * names the field), blanks dropped, ACLED's "27 February 2016" dates and "Civilian targeting"
     * flag understood, and the apostrophe our export puts before formula-like text taken off
     * ({@link CsvCells}).
     */
    public static String reportJson(Map<String, String> row) {
        ObjectNode report = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, String> cell : row.entrySet()) {
            String column = cell.getKey().strip().toLowerCase(Locale.ROOT);
            String value = cell.getValue() == null ? "" : cell.getValue().strip();
            if (column.equals("event_id_cnty")) {
                column = "external_id";
            }
            if (value.isEmpty() || !REPORT_COLUMNS.contains(column)
                    || (column.equals("external_id") && report.has("external_id"))) {
                continue;
            }
            put(report, column, isNumber(column) ? value : CsvCells.imported(value));
        }
        return report.toString();
    }

    private static boolean isNumber(String column) {
        return INTEGERS.contains(column) || DECIMALS.contains(column);
    }

    private static void put(ObjectNode report, String column, String value) {
        try {
            if (INTEGERS.contains(column)) {
                report.put(column, Long.parseLong(value));
                return;
            }
            if (DECIMALS.contains(column)) {
                report.put(column, Double.parseDouble(value));
                return;
            }
        } catch (NumberFormatException e) {
            report.put(column, value);
            return;
        }
        if (column.equals("civilian_targeting")) {
            switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "civilian targeting" -> report.put(column, true);
                case "false" -> report.put(column, false);
                default -> report.put(column, value);
            }
            return;
        }
        if (column.equals("event_date")) {
            report.put(column, isoDate(value));
            return;
        }
        report.put(column, value);
    }

    private static String isoDate(String value) {
        try {
            return LocalDate.parse(value, ACLED_LONG_DATE).toString();
        } catch (DateTimeParseException e) {
            return value;
        }
    }
}
