package io.trucewatch.corroboration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups reports into events. In {@link LinkableReport#ORDER}, each report joins the event of the
 * earliest report at most a day before it that began an event (its anchor) and that
 * {@link SameEvent} takes for the same event; a report that matches no anchor begins an event.
 * Anchored, not chained: a report joins an event only through its first report, so shelling of
 * one town every day stays one event a day, not one event a month.
 *
 * <p>A pure function of the reports (sorted here), so any arrival order gives the same events.
 * Reports are linked one day at a time: {@link #linkDay} takes the previous day's reports with
 * their events as they stand. An auditor's decision overrides the rule: a report
 * {@link Decision#separate separated} begins an event that no other report joins; one
 * {@link Decision#joinWith joined} to another report is in that report's event when that report
 * is linked before it (the same day or the day before).
 */
public final class EventLinking {

    /** An auditor's decision about one report's link. */
    public record Decision(String incidentId, boolean separate, String joinWith) {
    }

    /** Where a report stands: its event, and whether it began it. */
    public record Link(String eventId, boolean anchor) {
    }

    private EventLinking() {
    }

    /**
     * The links of {@code day}'s reports. {@code previousDay} are the reports of the day before
     * with their links as they stand ({@code previousLinks}): their anchors can be joined.
     */
    public static Map<String, Link> linkDay(List<LinkableReport> day, List<LinkableReport> previousDay,
            Map<String, Link> previousLinks, Map<String, Decision> decisions) {
        List<LinkableReport> ordered = new ArrayList<>(day);
        ordered.sort(LinkableReport.ORDER);
        List<LinkableReport> anchors = new ArrayList<>();
        previousDay.stream().sorted(LinkableReport.ORDER)
                .filter(r -> previousLinks.containsKey(r.incidentId()) && previousLinks.get(r.incidentId()).anchor())
                .forEach(anchors::add);
        Map<String, String> eventOf = new LinkedHashMap<>();
        previousLinks.forEach((id, link) -> eventOf.put(id, link.eventId()));
        Map<String, Link> links = new LinkedHashMap<>();
        for (LinkableReport report : ordered) {
            Decision decision = decisions.get(report.incidentId());
            String event = null;
            if (decision != null && decision.joinWith() != null) {
                event = eventOf.get(decision.joinWith());
            } else if (decision == null || !decision.separate()) {
                for (LinkableReport anchor : anchors) {
                    Decision closed = decisions.get(anchor.incidentId());
                    if ((closed == null || !closed.separate()) && SameEvent.same(anchor, report)) {
                        event = eventOf.get(anchor.incidentId());
                        break;
                    }
                }
            }
            boolean anchor = event == null;
            if (anchor) {
                event = report.incidentId();
                anchors.add(report);
            }
            eventOf.put(report.incidentId(), event);
            links.put(report.incidentId(), new Link(event, anchor));
        }
        return links;
    }

    /** Every report's link, the reports taken day by day from the first: what a full relink gives. */
    public static Map<String, Link> linkAll(List<LinkableReport> reports, Map<String, Decision> decisions) {
        Map<LocalDate, List<LinkableReport>> byDay = new TreeMap<>();
        reports.forEach(r -> byDay.computeIfAbsent(r.day(), d -> new ArrayList<>()).add(r));
        Map<String, Link> links = new LinkedHashMap<>();
        List<LinkableReport> previous = List.of();
        Map<String, Link> previousLinks = Map.of();
        LocalDate previousDay = null;
        for (Map.Entry<LocalDate, List<LinkableReport>> day : byDay.entrySet()) {
            boolean adjacent = previousDay != null && previousDay.plusDays(1).equals(day.getKey());
            Map<String, Link> dayLinks = linkDay(day.getValue(), adjacent ? previous : List.of(),
                    adjacent ? previousLinks : Map.of(), decisions);
            links.putAll(dayLinks);
            previous = day.getValue();
            previousLinks = dayLinks;
            previousDay = day.getKey();
        }
        return links;
    }
}
