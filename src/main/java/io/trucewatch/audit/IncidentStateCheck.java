package io.trucewatch.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.trucewatch.incidents.Incident;
import io.trucewatch.incidents.IncidentActor;
import io.trucewatch.incidents.IncidentTruceVerdict;
import io.trucewatch.incidents.IncidentVersion;
import io.trucewatch.review.Review;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares every incident's stored state with what its audit entries say: the derived columns
 * (verdict, per-truce verdicts, review status, current version, the resolved actors and their
 * index) are what lists filter on, and the chain's hashes alone do not cover them. Walks incidents
 * by id a page at a time, each page with its entries, versions, truce verdicts, reviews and actor
 * rows in six queries and a transaction of its own.
 */
@ApplicationScoped
public class IncidentStateCheck {

    /** Incidents per page; each brings a handful of entries and rows, a few kilobytes each. */
    static final int PAGE = 200;
    /** REPORT_RECEIVED entries per query when looking for incidents that are gone. */
    static final int RECEIVED_PAGE = 1000;

    private static final List<String> STATE_TYPES = List.of(AuditTrail.REPORT_RECEIVED, AuditTrail.REPORT_CORRECTED,
            AuditTrail.REPORT_EVALUATED, AuditTrail.REVIEW_DECIDED);

    /** How many incidents were compared, and the first mismatch if any. */
    public record Result(long incidentsChecked, StateMismatch mismatch) {
    }

    private record PageOutcome(int compared, String lastId, StateMismatch mismatch) {
    }

    public Result firstMismatch() {
        String after = "";
        long checked = 0;
        while (true) {
            String from = after;
            PageOutcome page = QuarkusTransaction.requiringNew().call(() -> comparePage(from));
            checked += page.compared();
            if (page.mismatch() != null) {
                // Read without locks, so a correction or review committed between reading the
                // incident and reading its entries would look like tampering: look again, locked.
                StateMismatch confirmed = QuarkusTransaction.requiringNew().call(() -> compareLocked(page.lastId()));
                if (confirmed != null) {
                    return new Result(checked, confirmed);
                }
            }
            if (page.lastId() == null) {
                break;
            }
            after = page.lastId();
        }
        return new Result(checked, firstIncidentGone());
    }

    private PageOutcome comparePage(String after) {
        List<Incident> incidents = Incident.<Incident>find("id > ?1 order by id", after).page(0, PAGE).list();
        if (incidents.isEmpty()) {
            return new PageOutcome(0, null, null);
        }
        List<String> ids = incidents.stream().map(i -> i.id).toList();
        Map<String, List<AuditEntry>> entries = AuditEntry
                .<AuditEntry>list("incidentId in ?1 and type in ?2 order by seq", ids, STATE_TYPES).stream()
                .collect(Collectors.groupingBy(e -> e.incidentId));
        Map<String, List<IncidentVersion>> versions = IncidentVersion.<IncidentVersion>list("incidentId in ?1", ids)
                .stream().collect(Collectors.groupingBy(v -> v.incidentId));
        Map<String, List<IncidentTruceVerdict>> truces = IncidentTruceVerdict
                .<IncidentTruceVerdict>list("incidentId in ?1", ids).stream()
                .collect(Collectors.groupingBy(t -> t.incidentId));
        Map<String, List<Review>> reviews = Review.<Review>list("incidentId in ?1", ids).stream()
                .collect(Collectors.groupingBy(r -> r.incidentId));
        Map<String, List<IncidentActor>> actors = IncidentActor.<IncidentActor>list("incidentId in ?1", ids).stream()
                .collect(Collectors.groupingBy(a -> a.incidentId));
        for (int i = 0; i < incidents.size(); i++) {
            Incident incident = incidents.get(i);
            IncidentComparison.Stored stored = new IncidentComparison.Stored(incident,
                    versions.getOrDefault(incident.id, List.of()), truces.getOrDefault(incident.id, List.of()),
                    reviews.getOrDefault(incident.id, List.of()), actors.getOrDefault(incident.id, List.of()));
            StateMismatch mismatch = IncidentComparison.firstMismatch(stored,
                    RecordedIncident.of(incident.id, entries.getOrDefault(incident.id, List.of())));
            if (mismatch != null) {
                return new PageOutcome(i + 1, incident.id, mismatch);
            }
        }
        return new PageOutcome(incidents.size(), incidents.get(incidents.size() - 1).id, null);
    }

    /**
     * One incident again, its row locked as corrections and reviews lock it, so none of them is
     * half-seen.
     */
    private StateMismatch compareLocked(String id) {
        Incident incident = Incident.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (incident == null) {
            return null;
        }
        IncidentComparison.Stored stored = new IncidentComparison.Stored(incident,
                IncidentVersion.list("incidentId", id), IncidentTruceVerdict.list("incidentId", id),
                Review.list("incidentId", id), IncidentActor.list("incidentId", id));
        return IncidentComparison.firstMismatch(stored,
                RecordedIncident.of(id, AuditEntry.list("incidentId = ?1 and type in ?2 order by seq", id, STATE_TYPES)));
    }

    /** The first incident the chain received that the database no longer has, if any. */
    private StateMismatch firstIncidentGone() {
        long after = 0;
        while (true) {
            long from = after;
            List<Object[]> received = QuarkusTransaction.requiringNew().call(() -> AuditEntry.getEntityManager()
                    .createQuery("select e.seq, e.incidentId from AuditEntry e where e.type = :type and e.seq > :after "
                            + "order by e.seq", Object[].class)
                    .setParameter("type", AuditTrail.REPORT_RECEIVED).setParameter("after", from)
                    .setMaxResults(RECEIVED_PAGE).getResultList());
            if (received.isEmpty()) {
                return null;
            }
            List<String> ids = received.stream().map(row -> (String) row[1]).toList();
            Set<String> present = new HashSet<>(QuarkusTransaction.requiringNew().call(() -> Incident.getEntityManager()
                    .createQuery("select i.id from Incident i where i.id in :ids", String.class)
                    .setParameter("ids", ids).getResultList()));
            for (Object[] row : received) {
                if (!present.contains((String) row[1])) {
                    long seq = ((Number) row[0]).longValue();
                    return StateMismatch.of((String) row[1], "incident", "(missing)", "received", seq);
                }
            }
            after = ((Number) received.get(received.size() - 1)[0]).longValue();
        }
    }
}
