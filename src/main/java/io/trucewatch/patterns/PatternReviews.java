package io.trucewatch.patterns;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.trucewatch.alerts.Outbox;
import io.trucewatch.audit.AuditTrail;
import io.trucewatch.audit.Ledger;
import io.trucewatch.review.ReviewRequest;
import io.trucewatch.web.Problem;
import io.trucewatch.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An auditor's decision on a pattern: CONFIRMED, DISMISSED or ESCALATED, with a reason. Recorded
 * in the audit trail (PATTERN_REVIEWED) and told as {@code pattern.reviewed}; the pattern's review
 * status is the latest decision, until its reports change (PatternRound).
 */
@ApplicationScoped
public class PatternReviews {

    @Inject
    Ledger ledger;

    @Inject
    Outbox outbox;

    public PatternView decide(String id, ReviewRequest request, String reviewer) {
        if (request.violatingParties() != null) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("violating_parties",
                    "a pattern's party is the one its rule found; review the reports to attribute them otherwise")));
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            // Locked: a round finding the pattern again waits for the decision, and the other way round.
            StoredPattern pattern = StoredPattern.<StoredPattern>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                    .orElseThrow(() -> ProblemException.notFound("pattern " + id));
            if (StoredPattern.WITHDRAWN.equals(pattern.status)) {
                throw new ProblemException(409, "/problems/pattern-withdrawn", "Pattern withdrawn",
                        "The reports no longer make this pattern; there is nothing to decide", List.of());
            }
            pattern.reviewStatus = request.decision().name();
            pattern.updatedAt = Instant.now();
            PatternView view = PatternView.of(pattern);
            Map<String, Object> review = new LinkedHashMap<>();
            review.put("decision", request.decision().name());
            review.put("reason", request.reason());
            review.put("revision", pattern.revision);
            Map<String, Object> audit = new LinkedHashMap<>();
            audit.put("pattern_id", id);
            audit.put("review", review);
            Map<String, Object> event = PatternRound.eventData(view);
            event.put("review", review);
            ledger.record(AuditTrail.PATTERN_REVIEWED, null, reviewer, audit,
                    outbox.prepare(Outbox.PATTERN_REVIEWED, null, event));
            return view;
        });
    }
}
