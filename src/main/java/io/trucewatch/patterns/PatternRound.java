package io.trucewatch.patterns;

import io.trucewatch.alerts.Outbox;
import io.trucewatch.alerts.OutboxEvent;
import io.trucewatch.audit.AuditTrail;
import io.trucewatch.audit.Ledger;
import io.trucewatch.corroboration.EventLinks;
import io.trucewatch.incidents.ReviewStatus;
import io.trucewatch.patterns.facts.Act;
import io.trucewatch.patterns.facts.PatternThreshold;
import io.trucewatch.rulesets.ActiveRuleset;
import io.trucewatch.rulesets.Ruleset;
import io.trucewatch.truces.Truce;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import org.kie.api.KieBase;

/**
 * One round of following the reports, in one transaction: takes the reports' changes announced in
 * the outbox after the cursor (new reports, corrections, reviews, link decisions), links those
 * reports into events again (corroboration.EventLinks), replaces their acts, finds again the
 * patterns of every period a changed act can be in a window of, records each pattern found,
 * changed or gone through the ledger, and moves the cursor. A crash anywhere leaves the
 * cursor where it was and the next round takes the same changes again.
 *
 * <p>Patterns are found from the stored acts, sorted by event time, never from the order reports
 * arrived in: a report that arrives days late, or is corrected, makes the patterns the same reports
 * would have made had they arrived in order.
 */
@ApplicationScoped
public class PatternRound {

    private static final Logger LOG = Logger.getLogger(PatternRound.class);
    /**
     * Outbox events taken per round. The reports of one round that fall in the same periods share
     * one finding of them, so under load fewer, larger rounds cost less (each finds its periods again
     * from all their acts). A round holds its reports' JSON and, 8 periods at a time, their acts; the
     * rules' sessions hold one window's acts (PatternDetector).
     */
    static final int BATCH = 2000;
    static final String PRINCIPAL = "system:patterns";
    /** Periods found together from one read of acts (see {@link #runs}). */
    static final int PERIODS_PER_READ = 8;
    /** Reports per statement when a round reads or deletes by report id. */
    private static final int READ_CHUNK = 100;
    /** The events that say a report's judgement, review or link changed. */
    private static final Set<String> REPORT_EVENTS = Set.of(Outbox.VERDICT_CREATED, Outbox.VERDICT_CHANGED,
            Outbox.REVIEW_DECIDED, Outbox.LINK_DECIDED);

    @Inject
    EntityManager entities;

    @Inject
    ActiveRuleset rulesets;

    @Inject
    Ledger ledger;

    @Inject
    Outbox outbox;

    @Inject
    EventLinks links;

    /** How far the outbox is ahead of the cursor, without a lock: 0 when there is nothing to do. */
    @Transactional(Transactional.TxType.MANDATORY)
    long lag() {
        Long newest = OutboxEvent.find("select max(seq) from OutboxEvent").project(Long.class).firstResult();
        PatternCursor cursor = PatternCursor.findById(PatternCursor.ONLY);
        return newest == null ? 0 : Math.max(0, newest - cursor.followedSeq);
    }

    /**
     * The newest event that announces a report's change (not the rounds' own pattern events), 0
     * if none: whether reports arrived while a round ran.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    long newestReportChange() {
        List<Long> newest = entities.createQuery("select e.seq from OutboxEvent e where e.type in :types order by e.seq desc",
                Long.class).setParameter("types", REPORT_EVENTS).setMaxResults(1).getResultList();
        return newest.isEmpty() ? 0 : newest.get(0);
    }

    /** Takes up to {@link #BATCH} outbox events after the cursor; says how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    int takeNext() {
        PatternCursor cursor = PatternCursor.findById(PatternCursor.ONLY, LockModeType.PESSIMISTIC_WRITE);
        List<Object[]> events = entities.createQuery(
                "select e.seq, e.type, e.incidentId from OutboxEvent e where e.seq > :after order by e.seq", Object[].class)
                .setParameter("after", cursor.followedSeq).setMaxResults(BATCH).getResultList();
        if (events.isEmpty()) {
            return 0;
        }
        Set<String> changed = new LinkedHashSet<>();
        for (Object[] event : events) {
            if (event[2] != null && REPORT_EVENTS.contains((String) event[1])) {
                changed.add((String) event[2]);
            }
        }
        Ruleset ruleset = rulesets.get();
        Map<String, String> reports = new LinkedHashMap<>();
        Map<String, Set<Long>> changedTimes = replaceActs(changed, ruleset, reports);
        List<Change> changes = new ArrayList<>();
        // Relinking and finding again read rows as values and change them by bulk statements, after
        // the acts and links they read were flushed: no query of theirs needs a flush first. Left to
        // AUTO, each of their many queries would first check every entity the round holds (the
        // thousands of acts and links a round behind a burst has written) for changes to write.
        FlushModeType flushMode = entities.getFlushMode();
        entities.setFlushMode(FlushModeType.COMMIT);
        try {
            links.relink(reports);
            changedTimes.forEach((truceId, times) -> changes.addAll(findAgain(ruleset, truceId, times)));
        } finally {
            entities.setFlushMode(flushMode);
        }
        Instant now = Instant.now();
        for (Change change : changes) {
            change.apply(ruleset.version(), now);
        }
        cursor.followedSeq = (Long) events.get(events.size() - 1)[0];
        return events.size();
    }

    /**
     * Replaces the acts of each changed report; returns, per truce, the event times of old and new
     * acts. {@code reports} gets each report's stored JSON (null if it is gone), for linking.
     */
    private Map<String, Set<Long>> replaceActs(Set<String> incidentIds, Ruleset ruleset, Map<String, String> reports) {
        Map<String, Set<Long>> times = new TreeMap<>();
        Map<String, Object[]> incidents = new HashMap<>();
        List<String> ids = List.copyOf(incidentIds);
        // A few statements per chunk of reports, not a few per report. Read as values: entities
        // would stay in the persistence context for the whole round.
        for (int from = 0; from < ids.size(); from += READ_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + READ_CHUNK));
            for (Object[] old : entities.createQuery("select a.truceId, a.at from StoredAct a where a.incidentId in :ids",
                    Object[].class).setParameter("ids", chunk).getResultList()) {
                times.computeIfAbsent((String) old[0], t -> new TreeSet<>()).add((Long) old[1]);
            }
            entities.createQuery("delete from StoredAct a where a.incidentId in :ids").setParameter("ids", chunk).executeUpdate();
            for (Object[] incident : entities.createQuery("select i.id, i.currentVersion, i.judged.reportJson, "
                    + "i.judged.evaluationJson, i.reviewStatus from Incident i where i.id in :ids", Object[].class)
                    .setParameter("ids", chunk).getResultList()) {
                incidents.put((String) incident[0], incident);
            }
        }
        for (String id : ids) {
            Object[] incident = incidents.get(id);
            reports.put(id, incident == null ? null : (String) incident[2]);
            if (incident == null) {
                continue;
            }
            List<Act> acts;
            try {
                acts = ActReading.acts(new ActReading.StoredJudgement(id, (Integer) incident[1], (String) incident[2],
                        (String) incident[3], (String) incident[4]), ruleset.terms());
            } catch (RuntimeException e) {
                // Reading is pure (no database): what fails here is this one report's stored text
                // (text stored before the API refused it). It must not hold up every other report.
                LOG.warnf("report %s cannot be read as acts, so no pattern counts it: %s", id, e.getMessage());
                continue;
            }
            for (Act act : acts) {
                StoredAct.of(act).persist();
                times.computeIfAbsent(act.truce(), t -> new TreeSet<>()).add(act.at());
            }
        }
        entities.flush();
        return times;
    }

    /** The changes to the stored patterns of every period of {@code truceId} that acts at {@code times} are in. */
    private List<Change> findAgain(Ruleset ruleset, String truceId, Set<Long> times) {
        Truce truce = ruleset.terms().truces().get(truceId);
        KieBase rules = ruleset.patterns().get(truceId);
        List<Change> changes = new ArrayList<>();
        if (truce == null || rules == null) {
            return changes;
        }
        for (PatternThreshold threshold : PatternDetector.thresholds(truce.terms())) {
            PatternPeriods span = PatternPeriods.of(truce.startsAt(), threshold);
            TreeSet<Long> periods = new TreeSet<>();
            for (long at : times) {
                for (long p = span.firstAffected(at); p <= span.lastAffected(at); p++) {
                    periods.add(p);
                }
            }
            // Consecutive periods are found together: one read of the acts their windows can hold.
            for (List<Long> run : runs(periods)) {
                long first = run.get(0);
                long last = run.get(run.size() - 1);
                // Read as values, not entities: a round reads many periods' acts, and managed rows
                // would stay in the persistence context until it commits.
                List<Act> acts = entities.createQuery("select a.json from StoredAct a where a.truceId = :truce "
                        + "and a.at > :after and a.at < :before order by a.at", String.class)
                        .setParameter("truce", truceId).setParameter("after", span.actsAfter(first))
                        .setParameter("before", span.end(last)).getResultStream().map(StoredAct::act).toList();
                List<DetectedPattern> found;
                try {
                    found = PatternFinder.find(rules, truce, threshold, new TreeSet<>(run), acts);
                } catch (PatternDetector.PatternRulesDidNotSettle e) {
                    // A rule that loops on these acts must not stop every other pattern: these
                    // periods keep what they had, and the ruleset needs correcting.
                    LOG.errorf("pattern '%s' of truce %s was not found again: %s", threshold.pattern(), truceId, e.getMessage());
                    continue;
                }
                // Locked: an auditor's review of one of them waits for this round, and the other way round.
                List<StoredPattern> stored = StoredPattern.<StoredPattern>find("truceId = ?1 and pattern = ?2 "
                        + "and periodStart >= ?3 and periodStart < ?4", truceId, threshold.pattern(),
                        Instant.ofEpochMilli(span.start(first)), Instant.ofEpochMilli(span.end(last)))
                        .withLock(LockModeType.PESSIMISTIC_WRITE).list();
                changes.addAll(reconcile(found, stored));
            }
        }
        return changes;
    }

    /**
     * Consecutive periods, at most {@link #PERIODS_PER_READ} together: one read of acts each, and
     * never more acts in memory than those periods' windows hold, however many periods a round finds.
     */
    private static List<List<Long>> runs(TreeSet<Long> periods) {
        List<List<Long>> runs = new ArrayList<>();
        for (long p : periods) {
            List<Long> last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last == null || last.get(last.size() - 1) != p - 1 || last.size() == PERIODS_PER_READ) {
                last = new ArrayList<>();
                runs.add(last);
            }
            last.add(p);
        }
        return runs;
    }

    private List<Change> reconcile(List<DetectedPattern> found, List<StoredPattern> stored) {
        Map<String, StoredPattern> byId = new LinkedHashMap<>();
        stored.forEach(s -> byId.put(s.id, s));
        List<Change> changes = new ArrayList<>();
        for (DetectedPattern pattern : found) {
            StoredPattern before = byId.remove(pattern.id());
            if (before == null) {
                changes.add(new Change(Kind.DETECTED, null, pattern));
            } else if (StoredPattern.WITHDRAWN.equals(before.status) || !sameFinding(before, pattern)) {
                changes.add(new Change(Kind.REVISED, before, pattern));
            }
        }
        byId.values().stream().filter(s -> StoredPattern.ACTIVE.equals(s.status))
                .forEach(gone -> changes.add(new Change(Kind.WITHDRAWN, gone, null)));
        return changes;
    }

    private static boolean sameFinding(StoredPattern stored, DetectedPattern found) {
        return stored.verdict.equals(found.verdict().name()) && stored.reports().equals(found.reports())
                && stored.explanation.equals(found.explanation()) && stored.rule.equals(found.rule());
    }

    private enum Kind {
        DETECTED(AuditTrail.PATTERN_DETECTED, Outbox.PATTERN_DETECTED),
        REVISED(AuditTrail.PATTERN_REVISED, Outbox.PATTERN_REVISED),
        WITHDRAWN(AuditTrail.PATTERN_WITHDRAWN, Outbox.PATTERN_WITHDRAWN);

        final String auditType;
        final String eventType;

        Kind(String auditType, String eventType) {
            this.auditType = auditType;
            this.eventType = eventType;
        }
    }

    /** A pattern found, changed or gone, and how it is written and told. */
    private final class Change {
        final Kind kind;
        final StoredPattern before;
        final DetectedPattern found;

        Change(Kind kind, StoredPattern before, DetectedPattern found) {
            this.kind = kind;
            this.before = before;
            this.found = found;
        }

        void apply(String version, Instant now) {
            StoredPattern pattern = before;
            List<String> previously = before == null ? List.of() : before.incidents();
            if (kind == Kind.DETECTED) {
                pattern = new StoredPattern();
                pattern.take(found, version, now);
                pattern.revision = 1;
                pattern.detectedAt = now;
                pattern.reviewStatus = ReviewStatus.PENDING.name();
                pattern.persist();
            } else if (kind == Kind.REVISED) {
                boolean newFinding = StoredPattern.WITHDRAWN.equals(before.status)
                        || !before.verdict.equals(found.verdict().name()) || !previously.equals(found.incidents());
                pattern.take(found, version, now);
                pattern.revision++;
                if (newFinding) {
                    // Other reports or another verdict: an earlier review does not cover it. (A
                    // member's new version or review alone is recorded, and keeps the review.)
                    pattern.reviewStatus = ReviewStatus.PENDING.name();
                }
            } else {
                pattern.status = StoredPattern.WITHDRAWN;
                pattern.revision++;
                pattern.updatedAt = now;
                pattern.reviewStatus = ReviewStatus.NOT_REQUIRED.name();
            }
            PatternView view = PatternView.of(pattern);
            Map<String, Object> audit = new LinkedHashMap<>();
            audit.put("pattern", view);
            if (before != null) {
                audit.put("previous_incidents", previously);
            }
            ledger.record(kind.auditType, null, PRINCIPAL, audit, outbox.prepare(kind.eventType, null, eventData(view)));
        }
    }

    /**
     * The event's data: the pattern, and its truce, verdict and party where subscription filters
     * look for a report's (so a filter on truce, verdict or party selects patterns alike).
     */
    static Map<String, Object> eventData(PatternView view) {
        Map<String, Object> evaluation = new LinkedHashMap<>();
        evaluation.put("truce", view.truce());
        evaluation.put("verdict", view.verdict());
        evaluation.put("violating_parties", List.of(view.party()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("pattern", view);
        data.put("verdict", view.verdict());
        data.put("evaluations", List.of(evaluation));
        return data;
    }
}
