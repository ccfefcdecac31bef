package io.trucewatch.reports;

import java.time.LocalDate;
import java.util.List;

/** Counts per day, party and admin1 for one truce (the shape of the OSCE SMM daily report). */
public record DailyReport(String truce, LocalDate from, LocalDate to, List<DailyRow> rows) {
}
