package io.trucewatch.reports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.trucewatch.actors.Actor;
import io.trucewatch.actors.ActorRegistry;
import io.trucewatch.evaluation.Verdict;
import io.trucewatch.incidents.ReviewStatus;
import io.trucewatch.rulesets.ActiveRuleset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds daily reports with two grouped queries, reports and the events they are of (the database
 * counts; nothing is loaded row by row). Reports outside the truce's scope are left out: the report is about the truce.
 */
@ApplicationScoped
public class DailyReports {

    /** Verdict columns of a daily report: OUT_OF_SCOPE never appears in one. */
    static final List<String> VERDICTS = List.of(Verdict.PROBABLE_VIOLATION.name(), Verdict.NEEDS_REVIEW.name(),
            Verdict.NOT_A_VIOLATION.name());
    static final List<String> REVIEWS = List.of(ReviewStatus.PENDING.name(), ReviewStatus.ESCALATED.name(),
            ReviewStatus.CONFIRMED.name(), ReviewStatus.DISMISSED.name(), ReviewStatus.NOT_REQUIRED.name());

    @Inject
    EntityManager db;

    @Inject
    ActiveRuleset rulesets;

    public DailyReport build(String truce, LocalDate from, LocalDate to) {
        List<Object[]> groups = QuarkusTransaction.requiringNew().call(() -> db.createNativeQuery("""
                SELECT i.event_day, COALESCE(a.actor_id, a.as_written), i.admin1, t.verdict, i.review_status, COUNT(*)
                FROM incident i
                JOIN incident_truce_verdict t ON t.incident_id = i.id AND t.truce_id = ?1
                JOIN incident_actor a ON a.incident_id = i.id AND a.role = 'actor1'
                WHERE t.verdict <> 'OUT_OF_SCOPE' AND i.event_day BETWEEN ?2 AND ?3
                GROUP BY i.event_day, COALESCE(a.actor_id, a.as_written), i.admin1, t.verdict, i.review_status
                ORDER BY i.event_day, COALESCE(a.actor_id, a.as_written), i.admin1
                """, Object[].class).setParameter(1, truce).setParameter(2, from).setParameter(3, to)
                .getResultList());
        Map<String, Long> events = new HashMap<>();
        List<Object[]> eventGroups = QuarkusTransaction.requiringNew().call(() -> db.createNativeQuery("""
                SELECT i.event_day, COALESCE(a.actor_id, a.as_written), i.admin1, COUNT(DISTINCT COALESCE(l.event_id, i.id))
                FROM incident i
                JOIN incident_truce_verdict t ON t.incident_id = i.id AND t.truce_id = ?1
                JOIN incident_actor a ON a.incident_id = i.id AND a.role = 'actor1'
                LEFT JOIN report_link l ON l.incident_id = i.id
                WHERE t.verdict <> 'OUT_OF_SCOPE' AND i.event_day BETWEEN ?2 AND ?3
                GROUP BY i.event_day, COALESCE(a.actor_id, a.as_written), i.admin1
                """, Object[].class).setParameter(1, truce).setParameter(2, from).setParameter(3, to)
                .getResultList());
        eventGroups.forEach(group -> events.put(key(day(group[0]), (String) group[1], (String) group[2]),
                ((Number) group[3]).longValue()));
        ActorRegistry actors = rulesets.get().terms().actors();
        List<DailyRow> rows = new ArrayList<>();
        Accumulator current = null;
        for (Object[] group : groups) {
            LocalDate day = day(group[0]);
            String party = actors.byId((String) group[1]).map(Actor::name).orElse((String) group[1]);
            String admin1 = (String) group[2];
            if (current == null || !current.sameKey(day, party, admin1)) {
                if (current != null) {
                    rows.add(current.row());
                }
                current = new Accumulator(day, party, admin1, events.getOrDefault(key(day, (String) group[1], admin1), 0L));
            }
            current.add((String) group[3], (String) group[4], ((Number) group[5]).longValue());
        }
        if (current != null) {
            rows.add(current.row());
        }
        return new DailyReport(truce, from, to, rows);
    }

    private static String key(LocalDate day, String actor, String admin1) {
        return day + "\u0000" + actor + "\u0000" + admin1;
    }

    private static LocalDate day(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private static final class Accumulator {
        final LocalDate day;
        final String party;
        final String admin1;
        final Map<String, Long> verdicts = zeros(VERDICTS);
        final Map<String, Long> reviews = zeros(REVIEWS);
        final long events;
        long total;

        Accumulator(LocalDate day, String party, String admin1, long events) {
            this.day = day;
            this.party = party;
            this.admin1 = admin1;
            this.events = events;
        }

        boolean sameKey(LocalDate d, String p, String a) {
            return day.equals(d) && party.equals(p) && Objects.equals(admin1, a);
        }

        void add(String verdict, String review, long count) {
            total += count;
            verdicts.merge(verdict, count, Long::sum);
            reviews.merge(review, count, Long::sum);
        }

        DailyRow row() {
            return new DailyRow(day, party, admin1, total, events, verdicts, reviews);
        }

        private static Map<String, Long> zeros(List<String> keys) {
            Map<String, Long> map = new LinkedHashMap<>();
            keys.forEach(k -> map.put(k, 0L));
            return map;
        }
    }
}
