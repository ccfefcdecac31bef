package io.trucewatch.incidents;

import io.trucewatch.web.WellFormedText;
import java.util.regex.Pattern;

/**
 * Text cells of an exported CSV, written so that any stored string leaves safely and comes back
 * unchanged when the file is imported again ({@link AcledCsv#reportJson}):
 * <ul>
 * <li>an unpaired surrogate (stored before requests were checked for them) becomes U+FFFD: it has
 * no UTF-8 form, and the writer would otherwise fail half-way through an export already answered 200;</li>
 * <li>a cell a spreadsheet would run as a formula (starting with {@code = + - @}, tab or CR; OWASP's
 * "CSV injection") gets a leading apostrophe, which spreadsheets show as "text follows". A cell
 * that already starts with apostrophes before such a character gets one more, so that the import
 * can take exactly one off and every value round-trips.</li>
 * </ul>
 * Quoting of commas, quotes and line breaks is the CSV writer's. Number columns are left alone:
 * a negative longitude is a number, not a formula.
 */
public final class CsvCells {

    private static final Pattern FORMULA = Pattern.compile("^'*[=+\\-@\\t\\r]");
    private static final Pattern GUARDED_FORMULA = Pattern.compile("^'+[=+\\-@\\t\\r]");

    private CsvCells() {
    }

    /** A text cell as exported. */
    public static String exported(String value) {
        if (value == null) {
            return null;
        }
        String text = WellFormedText.of(value);
        return FORMULA.matcher(text).find() ? "'" + text : text;
    }

    /** A text cell as imported: the export's guard taken off again. */
    static String imported(String value) {
        return GUARDED_FORMULA.matcher(value).find() ? value.substring(1) : value;
    }
}
