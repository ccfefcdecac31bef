package io.trucewatch.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.trucewatch.actors.Actor;
import io.trucewatch.alerts.Outbox;
import io.trucewatch.audit.AuditTrail;
import io.trucewatch.audit.Ledger;
import io.trucewatch.incidents.Incident;
import io.trucewatch.incidents.IncidentService;
import io.trucewatch.incidents.IncidentVersion;
import io.trucewatch.incidents.IncidentView;
import io.trucewatch.rulesets.ActiveRuleset;
import io.trucewatch.rulesets.Terms;
import io.trucewatch.web.Problem;
import io.trucewatch.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Auditors' decisions. Four eyes: nobody who submitted any version of a report may review it. A
 * review is appended with its audit entry in one transaction, and the latest sets the report's
 * review_status.
 */
@ApplicationScoped
public class ReviewService {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Ledger ledger;

    @Inject
    ActiveRuleset rulesets;

    @Inject
    Outbox outbox;

    public ReviewView decide(String incidentId, ReviewRequest request, String reviewer) {
        List<String> parties = request.violatingParties() == null ? null : canonical(request.violatingParties());
        return QuarkusTransaction.requiringNew().call(() -> {
            // Locked: a review and a correction of the same report cannot interleave, so the
            // review is always of the version it names.
            Incident incident = Incident.<Incident>findByIdOptional(incidentId, LockModeType.PESSIMISTIC_WRITE)
                    .orElseThrow(() -> ProblemException.notFound("incident " + incidentId));
            List<String> submitters = IncidentVersion.<IncidentVersion>list("incidentId", incidentId).stream()
                    .map(v -> v.submittedBy).distinct().toList();
            if (submitters.contains(reviewer)) {
                throw new ProblemException(403, "/problems/four-eyes", "Four eyes",
                        "You submitted a version of this report, so another auditor must review it", List.of());
            }
            Review review = new Review();
            review.id = UUID.randomUUID().toString();
            review.incidentId = incidentId;
            review.version = incident.currentVersion;
            review.decision = request.decision().name();
            review.reason = request.reason();
            review.violatingParties = parties == null ? null : json(parties);
            review.reviewer = reviewer;
            review.decidedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            review.persist();
            incident.reviewStatus = request.decision().name();

            Map<String, Object> data = new LinkedHashMap<>();
            data.put("review_id", review.id);
            data.put("version", review.version);
            data.put("decision", review.decision);
            data.put("reason", review.reason);
            data.put("violating_parties", parties);
            data.put("engine_verdict", incident.judged.verdict);
            data.put("decided_at", review.decidedAt);
            ReviewView view = ReviewView.of(review);
            Map<String, Object> event = IncidentService.eventData(IncidentView.of(incident));
            event.put("review", view);
            ledger.record(AuditTrail.REVIEW_DECIDED, incidentId, reviewer, data,
                    outbox.prepare(Outbox.REVIEW_DECIDED, incidentId, event));
            return view;
        });
    }

    public List<ReviewView> reviewsOf(String incidentId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (Incident.findById(incidentId) == null) {
                throw ProblemException.notFound("incident " + incidentId);
            }
            return Review.<Review>list("incidentId = ?1 order by decidedAt, id", incidentId).stream()
                    .map(ReviewView::of).toList();
        });
    }

    /**
     * Each name as the registry or a truce spells it: an actor (by any alias) or a party of a
     * truce in service. A name that is neither is refused rather than stored as a guess.
     */
    private List<String> canonical(List<String> names) {
        Terms terms = rulesets.get().terms();
        Set<String> canonical = new LinkedHashSet<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Optional<String> known = terms.partyNamed(name).or(() -> terms.actors().resolve(name).map(Actor::name));
            if (known.isPresent()) {
                canonical.add(known.get());
            } else {
                errors.add(new Problem.FieldError("violating_parties[" + i + "]",
                        "'" + name + "' is neither a party of a truce nor an actor of the registry"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return List.copyOf(canonical);
    }

    private static String json(List<String> parties) {
        try {
            return JSON.writeValueAsString(parties);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
