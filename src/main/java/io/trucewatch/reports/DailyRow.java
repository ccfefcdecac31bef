package io.trucewatch.reports;

import java.time.LocalDate;
import java.util.Map;

/**
 * One line of the daily report: reports of one day, by one acting party, in one admin1, counted by
 * the truce's verdict and by where auditors stand on them.
 *
 * @param party   actor1 as the registry names it, or as written when it resolved to nothing
 * @param admin1  as reported; null when the report was placed by coordinates only
 * @param total   reports
 * @param events  the events those reports are of (reports of one event linked as one:
 *                corroboration; a report not linked yet counts as an event of its own)
 */
public record DailyRow(LocalDate date, String party, String admin1, long total, long events, Map<String, Long> verdicts,
        Map<String, Long> reviews) {
}
