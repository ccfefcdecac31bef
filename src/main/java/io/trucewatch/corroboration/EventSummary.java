package io.trucewatch.corroboration;

import java.util.List;

/**
 * The event a report is linked to, as the report shows it (GET /api/incidents/{id}, "event").
 *
 * @param corroborating the event's other reports with a source this report does not have
 * @param duplicates    its other reports whose sources this report already has (the same source again)
 */
public record EventSummary(String id, int reports, List<String> corroborating, List<String> duplicates,
        int independentSources, String confidence) {
}
