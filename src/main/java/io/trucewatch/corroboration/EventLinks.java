package io.trucewatch.corroboration;

import io.trucewatch.audit.CanonicalJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * The one writer of report links, and their reader. A changed report's link row is replaced and
 * its days linked again: from the day of its old and of its new version, one day after another,
 * until a day after the change whose links come out as they were (from there on nothing it could
 * change is different: a day's links depend only on that day's reports and the day before's).
 */
@ApplicationScoped
public class EventLinks {

    private static final Logger LOG = Logger.getLogger(EventLinks.class);

    @Inject
    EntityManager entities;

    /** What links are recomputed over: a country and an event type. */
    private record Group(String country, String eventType) {
    }

    /**
     * Links again the reports whose content changed: {@code reports} maps each report id to its
     * stored JSON (with resolved actors), or to null when the report is gone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void relink(Map<String, String> reports) {
        Map<Group, TreeSet<LocalDate>> days = new TreeMap<>(Comparator.comparing(Group::country)
                .thenComparing(Group::eventType));
        for (Map.Entry<String, String> changed : reports.entrySet()) {
            ReportLink old = ReportLink.findById(changed.getKey());
            if (old != null) {
                days.computeIfAbsent(new Group(old.country, old.eventType), g -> new TreeSet<>()).add(old.eventDay);
                old.delete();
            }
            if (changed.getValue() == null) {
                continue;
            }
            LinkableReport report;
            try {
                report = LinkableReport.of(changed.getKey(), changed.getValue());
            } catch (RuntimeException e) {
                LOG.warnf("report %s cannot be read for linking, so it is linked to no event: %s", changed.getKey(), e.getMessage());
                continue;
            }
            if (report.country() == null || report.eventType() == null) {
                continue;
            }
            ReportLink.of(report).persist();
            days.computeIfAbsent(new Group(report.country(), report.eventType()), g -> new TreeSet<>()).add(report.day());
        }
        entities.flush();
        // Auditors' decisions are rare: most rounds have none to read at all.
        boolean anyDecisions = entities.createQuery("select count(d) from LinkDecision d", Long.class)
                .getSingleResult() > 0;
        days.forEach((group, changedDays) -> {
            // Changed days lie close together: each day's rows are read once per call, not once per
            // changed day whose relinking reaches it.
            Map<LocalDate, List<LinkRow>> read = new HashMap<>();
            changedDays.forEach(day -> relinkFrom(group, day, read, anyDecisions));
        });
    }

    private void relinkFrom(Group group, LocalDate first, Map<LocalDate, List<LinkRow>> read, boolean anyDecisions) {
        List<LinkRow> previous = read.computeIfAbsent(first.minusDays(1), d -> rows(group, d));
        for (LocalDate day = first; ; day = day.plusDays(1)) {
            List<LinkRow> today = read.computeIfAbsent(day, d -> rows(group, d));
            if (today.isEmpty() && day.isAfter(first)) {
                return; // nothing links across a day without reports
            }
            Map<String, EventLinking.Link> previousLinks = new HashMap<>();
            previous.forEach(r -> previousLinks.put(r.incidentId(), r.link()));
            Map<String, EventLinking.Link> links = EventLinking.linkDay(reports(today), reports(previous), previousLinks,
                    anyDecisions ? decisions(today, previous) : Map.of());
            List<LinkRow> linked = new ArrayList<>();
            boolean changed = false;
            for (LinkRow row : today) {
                EventLinking.Link link = links.get(row.incidentId());
                if (!link.equals(row.link())) {
                    // A bulk update: the rows are read as values, so that relinking many days keeps
                    // none of them in the persistence context.
                    entities.createQuery("update ReportLink l set l.eventId = :event, l.anchor = :anchor "
                            + "where l.incidentId = :id").setParameter("event", link.eventId())
                            .setParameter("anchor", link.anchor()).setParameter("id", row.incidentId()).executeUpdate();
                    changed = true;
                }
                linked.add(new LinkRow(row.incidentId(), link.eventId(), link.anchor(), row.report()));
            }
            read.put(day, linked);
            if (!changed && day.isAfter(first)) {
                return;
            }
            previous = linked;
        }
    }

    /** A link row read as a value. */
    private record LinkRow(String incidentId, String eventId, boolean anchor, LinkableReport report) {
        EventLinking.Link link() {
            return new EventLinking.Link(eventId, anchor);
        }
    }

    private List<LinkRow> rows(Group group, LocalDate day) {
        return entities.createQuery("select l.incidentId, l.eventId, l.anchor, l.reportJson from ReportLink l "
                + "where l.country = :country and l.eventType = :type and l.eventDay = :day", Object[].class)
                .setParameter("country", group.country()).setParameter("type", group.eventType()).setParameter("day", day)
                .getResultStream().map(r -> new LinkRow((String) r[0], (String) r[1], (Boolean) r[2],
                        CanonicalJson.read((String) r[3], LinkableReport.class))).toList();
    }

    private static List<LinkableReport> reports(List<LinkRow> rows) {
        return rows.stream().map(LinkRow::report).toList();
    }

    private static Map<String, EventLinking.Decision> decisions(List<LinkRow> today, List<LinkRow> previous) {
        List<String> ids = new ArrayList<>();
        today.forEach(r -> ids.add(r.incidentId()));
        previous.forEach(r -> ids.add(r.incidentId()));
        Map<String, EventLinking.Decision> decisions = new HashMap<>();
        if (!ids.isEmpty()) {
            LinkDecision.<LinkDecision>list("incidentId in ?1", ids).forEach(d -> decisions.put(d.incidentId, d.asDecision()));
        }
        return decisions;
    }

    /** The event with this id, with its reports' verdicts and review statuses as they stand. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<EventView> event(String eventId) {
        List<ReportLink> rows = ReportLink.list("eventId = ?1 order by eventDay, incidentId", eventId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object[]> standing = new HashMap<>();
        List<String> ids = rows.stream().map(r -> r.incidentId).toList();
        for (Object[] row : entities.createQuery("select i.id, i.judged.verdict, i.reviewStatus from Incident i "
                + "where i.id in :ids", Object[].class).setParameter("ids", ids).getResultList()) {
            standing.put((String) row[0], row);
        }
        List<EventView.Member> members = new ArrayList<>();
        Set<String> sources = new TreeSet<>();
        for (ReportLink row : rows) {
            LinkableReport report = row.report();
            Object[] judged = standing.getOrDefault(row.incidentId, new Object[3]);
            members.add(new EventView.Member(row.incidentId, report.day(), report.admin1(), report.place(),
                    List.copyOf(report.sources()), row.anchor, (String) judged[1], (String) judged[2]));
            sources.addAll(report.sources());
        }
        ReportLink anchor = rows.stream().filter(r -> r.anchor).findFirst().orElse(rows.get(0));
        Confidence confidence = Confidence.of(sources.size());
        String explanation = rows.size() + " report(s) of one " + anchor.eventType + " event in " + anchor.country
                + ", matched against the first (same event type, event days at most " + SameEvent.MAX_DAYS
                + " apart, at most " + SameEvent.MAX_KM + " km apart or the same named place, compatible actors); "
                + sources.size() + " independent source(s): " + confidence.name().toLowerCase(Locale.ROOT)
                .replace('_', ' ') + ".";
        return Optional.of(new EventView(eventId, anchor.country, anchor.eventType, rows.get(0).eventDay,
                rows.get(rows.size() - 1).eventDay, members, List.copyOf(sources), sources.size(), confidence.name(),
                explanation));
    }

    /** The event a report is linked to, as the report shows it; empty until the report is linked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<EventSummary> summaryOf(String incidentId) {
        ReportLink own = ReportLink.findById(incidentId);
        if (own == null) {
            return Optional.empty();
        }
        List<ReportLink> rows = ReportLink.list("eventId = ?1 order by eventDay, incidentId", own.eventId);
        Set<String> mine = own.report().sources();
        Set<String> all = new TreeSet<>();
        List<String> corroborating = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        for (ReportLink row : rows) {
            Set<String> theirs = row.report().sources();
            all.addAll(theirs);
            if (Objects.equals(row.incidentId, incidentId)) {
                continue;
            }
            (mine.containsAll(theirs) ? duplicates : corroborating).add(row.incidentId);
        }
        return Optional.of(new EventSummary(own.eventId, rows.size(), corroborating, duplicates, all.size(),
                Confidence.of(all.size()).name()));
    }
}
