package io.trucewatch.incidents;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.trucewatch.audit.AuditTrail;
import io.trucewatch.audit.CanonicalJson;
import io.trucewatch.evaluation.Evaluation;
import io.trucewatch.evaluation.Evaluator;
import io.trucewatch.evaluation.ResolvedActor;
import io.trucewatch.evaluation.TruceEvaluation;
import io.trucewatch.rulesets.ActiveRuleset;
import io.trucewatch.rulesets.Ruleset;
import io.trucewatch.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes reports in: judges them under the ruleset in service, then stores the report, its
 * evaluation and their audit entries in one transaction. Idempotent by external_id (CONTRACT §4).
 */
@ApplicationScoped
public class IncidentService {

    public static final String PENDING = "PENDING";

    @Inject
    ActiveRuleset rulesets;

    @Inject
    AuditTrail audit;

    /** The stored report, and whether this call created it (false: an identical resubmission). */
    public record Submission(IncidentView incident, boolean created) {
    }

    public Submission submit(IncidentReport report, String principal) {
        String contentHash = CanonicalJson.sha256Hex(CanonicalJson.write(report));
        Optional<Submission> earlier = earlierSubmission(report.externalId(), contentHash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        // Judged outside the transaction: evaluation is pure and needs no lock.
        Ruleset ruleset = rulesets.get();
        Evaluation evaluation = Evaluator.evaluate(report, ruleset);
        try {
            Incident stored = QuarkusTransaction.requiringNew()
                    .call(() -> store(report, contentHash, evaluation, principal));
            return new Submission(IncidentView.of(stored), true);
        } catch (RuntimeException e) {
            // Two submissions of one external_id raced and the unique key let one in: answer as
            // if this one came second. Any other failure goes up as it is.
            return earlierSubmission(report.externalId(), contentHash).orElseThrow(() -> e);
        }
    }

    public Optional<IncidentView> find(String id) {
        return QuarkusTransaction.requiringNew().call(
                () -> Incident.<Incident>findByIdOptional(id).map(IncidentView::of));
    }

    private Optional<Submission> earlierSubmission(String externalId, String contentHash) {
        if (externalId == null) {
            return Optional.empty();
        }
        Optional<Incident> existing = QuarkusTransaction.requiringNew().call(
                () -> Incident.<Incident>find("externalId", externalId).firstResultOptional());
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        if (!existing.get().contentHash.equals(contentHash)) {
            throw new ProblemException(409, "/problems/external-id-conflict", "external_id already used",
                    "A different report was already accepted with external_id '" + externalId + "' (id "
                            + existing.get().id + "); it is unchanged. Send a correction as a new version instead.",
                    List.of());
        }
        return Optional.of(new Submission(IncidentView.of(existing.get()), false));
    }

    private Incident store(IncidentReport report, String contentHash, Evaluation evaluation, String principal) {
        Incident incident = new Incident();
        incident.id = UUID.randomUUID().toString();
        incident.externalId = report.externalId();
        incident.receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        incident.contentHash = contentHash;
        incident.reportJson = CanonicalJson.write(StoredForms.incident(report, evaluation.actors()));
        incident.eventDay = report.eventDate() != null ? report.eventDate()
                : LocalDate.ofInstant(report.occurredAt(), ZoneOffset.UTC);
        incident.admin1 = report.admin1();
        incident.verdict = evaluation.verdict().name();
        incident.rulesetVersion = evaluation.rulesetVersion();
        incident.evaluationJson = CanonicalJson.write(StoredForms.evaluations(evaluation));
        incident.reviewStatus = PENDING;
        incident.persistAndFlush();
        index(incident.id, evaluation);

        Map<String, Object> received = new LinkedHashMap<>();
        received.put("external_id", report.externalId());
        received.put("content_hash", contentHash);
        received.put("report", report);
        audit.append(AuditTrail.REPORT_RECEIVED, incident.id, principal, received);

        Map<String, Object> evaluated = new LinkedHashMap<>();
        evaluated.put("ruleset_version", evaluation.rulesetVersion());
        evaluated.put("verdict", evaluation.verdict());
        evaluated.put("evaluations", StoredForms.evaluations(evaluation));
        audit.append(AuditTrail.REPORT_EVALUATED, incident.id, principal, evaluated);
        return incident;
    }

    private void index(String incidentId, Evaluation evaluation) {
        List<ResolvedActor> actors = evaluation.actors();
        for (int i = 0; i < actors.size(); i++) {
            IncidentActor row = new IncidentActor();
            row.incidentId = incidentId;
            row.position = i;
            row.role = actors.get(i).role();
            row.asWritten = actors.get(i).asWritten();
            row.actorId = actors.get(i).actorId();
            row.persist();
        }
        for (TruceEvaluation truce : evaluation.evaluations()) {
            IncidentTruceVerdict row = new IncidentTruceVerdict();
            row.incidentId = incidentId;
            row.truceId = truce.truce();
            row.verdict = truce.verdict().name();
            row.persist();
        }
    }
}
