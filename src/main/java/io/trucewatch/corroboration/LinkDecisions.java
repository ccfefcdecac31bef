package io.trucewatch.corroboration;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.trucewatch.alerts.Outbox;
import io.trucewatch.audit.AuditTrail;
import io.trucewatch.audit.Ledger;
import io.trucewatch.web.Problem;
import io.trucewatch.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An auditor's decision to split a report from its event or merge it with another's. Recorded in
 * the audit trail and announced in the outbox (link.decided) in one transaction; the follower
 * that links reports (patterns.PatternRound) takes the announcement and links that report's days
 * again, so the links keep one writer. A JOIN is kept on the later of the two reports (a report
 * joins an event that began before it), so the decision may be stored on the other report.
 */
@ApplicationScoped
public class LinkDecisions {

    @Inject
    Ledger ledger;

    @Inject
    Outbox outbox;

    /** Records the decision; says which report it is kept on and what it is. */
    public Map<String, Object> decide(String incidentId, LinkRequest request, String auditor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ReportLink own = linked(incidentId, "incident " + incidentId);
            String keptOn = incidentId;
            String joinWith = null;
            if (LinkDecision.JOIN.equals(request.decision())) {
                if (request.with().equals(incidentId)) {
                    throw ProblemException.invalid(List.of(new Problem.FieldError("with", "a report is always its own event")));
                }
                ReportLink other = linked(request.with(), "incident " + request.with());
                LinkableReport mine = own.report();
                LinkableReport theirs = other.report();
                if (Math.abs(ChronoUnit.DAYS.between(mine.day(), theirs.day())) > SameEvent.MAX_DAYS
                        || !mine.country().equals(theirs.country()) || !mine.eventType().equals(theirs.eventType())) {
                    throw ProblemException.invalid(List.of(new Problem.FieldError("with", "not the same country and event "
                            + "type, or more than " + SameEvent.MAX_DAYS + " day apart: it cannot be the same event")));
                }
                boolean mineLater = LinkableReport.ORDER.compare(mine, theirs) > 0;
                keptOn = mineLater ? incidentId : request.with();
                joinWith = mineLater ? request.with() : incidentId;
            }
            LinkDecision decision = LinkDecision.findById(keptOn, LockModeType.PESSIMISTIC_WRITE);
            if (LinkRequest.AUTOMATIC.equals(request.decision())) {
                if (decision != null) {
                    decision.delete();
                }
            } else {
                boolean first = decision == null;
                if (first) {
                    decision = new LinkDecision();
                    decision.incidentId = keptOn;
                }
                decision.decision = request.decision();
                decision.joinWith = joinWith;
                decision.reason = request.reason();
                decision.decidedBy = auditor;
                decision.decidedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                if (first) {
                    decision.persist();
                }
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("incident_id", keptOn);
            data.put("decision", request.decision());
            if (joinWith != null) {
                data.put("join_with", joinWith);
            }
            data.put("reason", request.reason());
            data.put("asked_for", incidentId);
            ledger.record(AuditTrail.LINK_DECIDED, keptOn, auditor, data, outbox.prepare(Outbox.LINK_DECIDED, keptOn, data));
            return data;
        });
    }

    private static ReportLink linked(String incidentId, String what) {
        ReportLink link = ReportLink.findById(incidentId);
        if (link == null) {
            throw ProblemException.notFound(what + " (or it is not linked to an event yet)");
        }
        return link;
    }
}
