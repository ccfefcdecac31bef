package io.trucewatch.evaluation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * On which side of a truce's start or end a report dated only to the day says its act fell, in its
 * own words: "hours before the 19:00 start", "less than an hour after sundown", "after the army
 * declared the truce over". News and monitors date most reports to the day, and the first and last
 * hours of a truce are when most of them are written; without this, every act of a truce's first
 * evening is "cannot be placed before or after the start".
 *
 * <p>Only the notes are read, and only a plain statement counts: words that put the act on both
 * sides ("just before or after the start"), or phrases for both, say nothing. "Night", "evening"
 * and clock times are not read: when a night or an evening begins is not a moment of the truce.
 */
final class ReportedTiming {

    enum Side { BEFORE, AFTER }

    record Reading(Side side, String words) {
    }

    private static final String TRUCE = "(?:truce|cease-?fire|cessation(?: of hostilities)?|calm|regime of calm)";
    private static final String BEGAN = "(?:was due to |was to |would |could |had )?(?:start(?:s|ed)?|beg[ai]n|begun"
            + "|t[ao]ke[ns]? effect|took effect|c[ao]me into (?:force|effect)|went into effect|went into force)";
    private static final String ENDED = "(?:had )?(?:ended|expired|collapsed|was declared over|was over)";
    private static final String DECLARED_OVER = "(?:the )?(?:syrian )?(?:army|military|government|regime)(?:'s general command)?"
            + " (?:had )?(?:declared|announced) (?:the |its |an )?(?:end of the " + TRUCE + "|" + TRUCE + " (?:over|ended|at an end)|it over)";
    private static final Pattern BOTH_SIDES = Pattern.compile("\\b(?:before or after|after or before)\\b");

    private ReportedTiming() {
    }

    static Optional<Reading> ofStart(String notes, List<String> momentWords) {
        String start = "(?:(?:the |its )?(?:[\\d:.]+(?: ?[ap]\\.?m\\.?)? )?(?:start|beginning)(?: of the " + TRUCE + ")?"
                + "|the " + TRUCE + " " + BEGAN + alternatives(momentWords) + ")";
        return read(notes, "(?:before|ahead of) " + start + "|ahead of the " + TRUCE,
                "(?:after|since) " + start + "|into the " + TRUCE);
    }

    static Optional<Reading> ofEnd(String notes, List<String> momentWords) {
        String end = "(?:(?:the |its )?end of the " + TRUCE + "|the " + TRUCE + " " + ENDED + "|" + DECLARED_OVER
                + alternatives(momentWords) + ")";
        return read(notes, "before " + end, "after " + end);
    }

    private static String alternatives(List<String> words) {
        return words.isEmpty() ? "" : "|" + words.stream().map(w -> Pattern.quote(w.toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining("|"));
    }

    private static Optional<Reading> read(String notes, String before, String after) {
        if (notes == null || notes.isBlank()) {
            return Optional.empty();
        }
        String text = notes.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        if (BOTH_SIDES.matcher(text).find()) {
            return Optional.empty();
        }
        Matcher isBefore = Pattern.compile("\\b(?:" + before + ")\\b").matcher(text);
        Matcher isAfter = Pattern.compile("\\b(?:" + after + ")\\b").matcher(text);
        boolean saysBefore = isBefore.find();
        boolean saysAfter = isAfter.find();
        if (saysBefore == saysAfter) {
            return Optional.empty();
        }
        Matcher said = saysBefore ? isBefore : isAfter;
        return Optional.of(new Reading(saysBefore ? Side.BEFORE : Side.AFTER, text.substring(said.start(), said.end())));
    }
}
