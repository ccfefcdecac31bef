package io.trucewatch.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The CSV form of reports: the contract's fields in the order ACLED's exports put them, then what
 * the service decided. An exported file imports again; an ACLED export imports too (its
 * {@code event_id_cnty} is our {@code external_id}; its other columns are ignored).
 */
public final class AcledCsv {

    /**
     * CONTRACT §1 fields in ACLED's column order: the contract's order (occurred_at and weapon, ours,
     * beside their kin), except that ACLED's exports put fatalities last, after notes.
     */
    private static final List<ReportField> COLUMN_ORDER = Stream.concat(
            Stream.of(ReportField.values()).filter(field -> field != ReportField.FATALITIES),
            Stream.of(ReportField.FATALITIES)).toList();

    public static final List<String> REPORT_COLUMNS = COLUMN_ORDER.stream().map(ReportField::wireName).toList();

    public static final List<String> VERDICT_COLUMNS = List.of("verdict", "violating_parties", "rules",
            "review_status", "ruleset_version");

    /** ACLED columns with no counterpart in a report: accepted in an import and ignored. */
    static final Set<String> IGNORED_ON_IMPORT = Set.of("event_id_no_cnty", "year", "disorder_type", "inter1",
            "inter2", "interaction", "iso", "iso3", "region", "tags", "timestamp", "event_id", "id", "population_1km",
            "population_2km", "population_5km", "population_best");

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
        JudgedReport judged = incident.judged;
        JsonNode report = CanonicalJson.parse(judged.reportJson);
        Map<String, String> row = new LinkedHashMap<>();
        for (ReportField field : COLUMN_ORDER) {
            JsonNode value = report.get(field.wireName());
            String text = value == null || value.isNull() ? "" : value.asText();
            row.put(field.wireName(), field.kind().isNumber() ? text : CsvCells.exported(text));
        }
        DecisionSummary decided = DecisionSummary.of(judged.evaluationJson);
        row.put("verdict", CsvCells.exported(judged.verdict));
        row.put("violating_parties", CsvCells.exported(String.join("; ", decided.violatingParties())));
        row.put("rules", CsvCells.exported(String.join("; ", decided.rules())));
        row.put("review_status", CsvCells.exported(incident.reviewStatus));
        row.put("ruleset_version", CsvCells.exported(judged.rulesetVersion));
        return row;
    }

    /** Header names an import cannot place: neither a report field, nor ours, nor a known ACLED column. */
    public static List<String> unknownColumns(List<String> header) {
        List<String> unknown = new ArrayList<>();
        for (String column : header) {
            String name = column.strip().toLowerCase(Locale.ROOT);
            if (ReportField.byCsvColumn(name).isEmpty() && !VERDICT_COLUMNS.contains(name)
                    && !IGNORED_ON_IMPORT.contains(name)) {
                unknown.add(column);
            }
        }
        return unknown;
    }

    /** Whether a header (as written) has a column the external_id can come from, ours or ACLED's. */
    public static boolean hasExternalIdColumn(List<String> header) {
        return ReportField.EXTERNAL_ID.csvColumns().stream().anyMatch(header::contains);
    }

    /** The external_id cell of a row keyed by its header (as written), ours before ACLED's; null if none. */
    public static String externalIdCell(Map<String, String> cells) {
        return ReportField.EXTERNAL_ID.csvColumns().stream().filter(cells::containsKey).findFirst().map(cells::get)
                .orElse(null);
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
            Optional<ReportField> named = ReportField.byCsvColumn(cell.getKey().strip().toLowerCase(Locale.ROOT));
            String value = cell.getValue() == null ? "" : cell.getValue().strip();
            if (value.isEmpty() || named.isEmpty()) {
                continue;
            }
            ReportField field = named.get();
            // A field ACLED names otherwise may come in both columns (a file of ours merged with
            // one of ACLED's): the first one wins.
            if (!field.acledNames().isEmpty() && report.has(field.wireName())) {
                continue;
            }
            put(report, field, field.kind().isNumber() ? value : CsvCells.imported(value));
        }
        return report.toString();
    }

    /** A cell as its field's JSON type, or as the text it is where it does not parse as that. */
    private static void put(ObjectNode report, ReportField field, String value) {
        String name = field.wireName();
        try {
            switch (field.kind()) {
                case PRECISION, COUNT -> report.put(name, Long.parseLong(value));
                case LATITUDE, LONGITUDE -> report.put(name, Double.parseDouble(value));
                case FLAG -> report.set(name, flag(field, value));
                case DATE -> report.put(name, isoDate(value));
                case TEXT, REQUIRED_TEXT, DATE_TIME -> report.put(name, value);
            }
        } catch (NumberFormatException e) {
            report.put(name, value);
        }
    }

    /**
     * true or false, as written or as ACLED writes a set flag: the column's own title
     * ("Civilian targeting" in civilian_targeting). Anything else is left as text for the parser
     * to name.
     */
    private static JsonNode flag(ReportField field, String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals(field.wireName().replace('_', ' '))) {
            return BooleanNode.TRUE;
        }
        return lower.equals("false") ? BooleanNode.FALSE : TextNode.valueOf(value);
    }

    private static String isoDate(String value) {
        try {
            return LocalDate.parse(value, ACLED_LONG_DATE).toString();
        } catch (DateTimeParseException e) {
            return value;
        }
    }
}
