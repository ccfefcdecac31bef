package io.trucewatch.corroboration;

import java.time.LocalDate;
import java.util.List;

/**
 * One event and the reports of it (GET /api/events/{id}).
 *
 * @param sources            every source that reported it (folded to lower case)
 * @param independentSources how many different sources: two reports from one source are one
 * @param confidence         {@link Confidence} of that count
 */
public record EventView(String id, String country, String eventType, LocalDate firstDay, LocalDate lastDay,
        List<Member> reports, List<String> sources, int independentSources, String confidence, String explanation) {

    /** A report of the event; {@code anchor}: the report the others were matched against. */
    public record Member(String incidentId, LocalDate day, String admin1, String place, List<String> sources,
            boolean anchor, String verdict, String reviewStatus) {
    }
}
