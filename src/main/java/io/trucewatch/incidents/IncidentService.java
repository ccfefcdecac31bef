package io.trucewatch.incidents;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.trucewatch.alerts.Outbox;
import io.trucewatch.audit.AuditTrail;
import io.trucewatch.audit.Ledger;
import io.trucewatch.audit.CanonicalJson;
import io.trucewatch.evaluation.Evaluation;
import io.trucewatch.evaluation.Evaluator;
import io.trucewatch.evaluation.ResolvedActor;
import io.trucewatch.evaluation.TruceEvaluation;
import io.trucewatch.rulesets.ActiveRuleset;
import io.trucewatch.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes reports and corrections in: judges each under the ruleset in service, then stores the
 * version, its evaluation and their audit entries in one transaction. Idempotent by external_id
 * (CONTRACT §4); a correction is a new version, never an overwrite.
 */
@ApplicationScoped
public class IncidentService {

    @Inject
    ActiveRuleset rulesets;

    @Inject
    Ledger ledger;

    @Inject
    Outbox outbox;

    @Inject
    GroupCommit groupCommit;

    @Inject
    AgroalDataSource dataSource;

    /** The stored report, and whether this call created something (false: an identical resubmission). */
    public record Submission(IncidentView incident, boolean created) {
    }

    public Submission submit(IncidentReport report, String principal) {
        String contentHash = CanonicalJson.sha256Hex(CanonicalJson.write(report));
        Optional<Submission> earlier = earlierSubmission(report.externalId(), contentHash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        // Judged, and every JSON written, outside the transaction: evaluation is pure and needs no
        // lock, and the group commit's single writer is left with the inserts alone.
        Evaluation evaluation = Evaluator.evaluate(report, rulesets.get());
        NewReport prepared = prepare(report, contentHash, evaluation, principal);
        try {
            return new Submission(groupCommit.inTransaction(() -> storeFirst(prepared)), true);
        } catch (RuntimeException e) {
            // Two submissions of one external_id raced and the unique key let one in: answer as
            // if this one came second. Any other failure goes up as it is.
            return earlierSubmission(report.externalId(), contentHash).orElseThrow(() -> e);
        }
    }

    /**
     * A corrected version of report {@code id}, by the monitor who submitted it. Sending the latest
     * version's content again changes nothing (a retried correction is not a second one).
     */
    public Submission correct(String id, IncidentReport report, String principal) {
        Incident current = QuarkusTransaction.requiringNew().call(() -> Incident.<Incident>findByIdOptional(id))
                .orElseThrow(() -> ProblemException.notFound("incident " + id));
        if (!current.submittedBy.equals(principal)) {
            throw new ProblemException(403, "/problems/not-the-submitter", "Not the submitter",
                    "Only " + current.submittedBy + ", who submitted this report, may correct it", List.of());
        }
        if (!Objects.equals(current.externalId, report.externalId())) {
            throw ProblemException.invalid("external_id", current.externalId == null
                    ? "must be absent: the report was submitted without one"
                    : "must be '" + current.externalId + "': a correction keeps the report's external_id");
        }
        String contentHash = CanonicalJson.sha256Hex(CanonicalJson.write(report));
        if (contentHash.equals(current.judged.contentHash)) {
            return new Submission(find(id).orElseThrow(), false);
        }
        Evaluation evaluation = Evaluator.evaluate(report, rulesets.get());
        QuarkusTransaction.requiringNew().run(() -> storeCorrection(id, report, contentHash, evaluation, principal));
        return new Submission(find(id).orElseThrow(), true);
    }

    /** The latest version, with the list of all versions. */
    public Optional<IncidentView> find(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Incident.<Incident>findByIdOptional(id)
                .map(incident -> IncidentView.withVersions(incident, IncidentVersion.of(id))));
    }

    public Optional<IncidentView> findVersion(String id, int number) {
        return QuarkusTransaction.requiringNew().call(() -> Incident.<Incident>findByIdOptional(id)
                .flatMap(incident -> IncidentVersion.<IncidentVersion>find("incidentId = ?1 and number = ?2", id, number)
                        .firstResultOptional().map(version -> IncidentView.ofVersion(incident, version))));
    }

    private Optional<Submission> earlierSubmission(String externalId, String contentHash) {
        if (externalId == null || !externalIdTaken(externalId)) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Incident> existing = Incident.<Incident>find("externalId", externalId).firstResultOptional();
            if (existing.isEmpty()) {
                return Optional.empty();
            }
            // Any version's content counts as "sent before": a retried first submission after a
            // correction must not turn into a conflict.
            boolean seen = IncidentVersion.count("incidentId = ?1 and judged.contentHash = ?2", existing.get().id,
                    contentHash) > 0;
            if (!seen) {
                throw new ProblemException(409, "/problems/external-id-conflict", "external_id already used",
                        "A different report was already accepted with external_id '" + externalId + "' (id "
                                + existing.get().id + "); it is unchanged. Send a correction to /api/incidents/"
                                + existing.get().id + "/versions instead.",
                        List.of());
            }
            return Optional.of(new Submission(IncidentView.of(existing.get()), false));
        });
    }

    /**
     * Whether a report with this external_id is stored: one indexed read on a plain connection,
     * outside any transaction. Nearly every report is new, and for those the ORM's transaction and
     * session cost more than the lookup itself. Two submissions racing past it are told apart by
     * the unique key (see submit).
     */
    private boolean externalIdTaken(String externalId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT 1 FROM incident WHERE external_id = ?")) {
            select.setString(1, externalId);
            try (ResultSet found = select.executeQuery()) {
                return found.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up external_id: " + e.getMessage(), e);
        }
    }

    /** A new report with everything worked out that does not depend on the audit chain. */
    private record NewReport(String principal, Evaluation evaluation, Incident template,
            CanonicalJson.Text receivedAudit, CanonicalJson.Text evaluatedAudit, Outbox.Prepared event, IncidentView view) {
    }

    private NewReport prepare(IncidentReport report, String contentHash, Evaluation evaluation, String principal) {
        Incident incident = new Incident();
        incident.id = UUID.randomUUID().toString();
        incident.externalId = report.externalId();
        incident.submittedBy = principal;
        incident.receivedAt = now();
        incident.currentVersion = 1;
        apply(incident, report, contentHash, evaluation);
        IncidentView view = IncidentView.of(incident);
        return new NewReport(principal, evaluation, incident, CanonicalJson.text(received(report, contentHash, incident.receivedAt)),
                CanonicalJson.text(evaluated(1, evaluation)), outbox.prepare(Outbox.VERDICT_CREATED, incident.id, view),
                view);
    }

    /** What the audit entry of a first version records. */
    static Map<String, Object> received(IncidentReport report, String contentHash, Instant receivedAt) {
        Map<String, Object> received = new LinkedHashMap<>();
        received.put("external_id", report.externalId());
        received.put("content_hash", contentHash);
        received.put("report", report);
        received.put("received_at", receivedAt);
        return received;
    }

    /**
     * Stores the first version; answers the view that was also announced. The entities are made
     * here, from the prepared values, because a group commit that fails runs its work again in a
     * transaction of its own.
     */
    private IncidentView storeFirst(NewReport prepared) {
        Incident incident = prepared.template().copy();
        incident.persist();
        IncidentVersion version = storeVersion(incident, incident.receivedAt, prepared.principal());
        index(incident.id, prepared.evaluation());
        ledger.recordWritten(AuditTrail.REPORT_RECEIVED, incident.id, prepared.principal(), prepared.receivedAudit());
        ledger.recordWritten(AuditTrail.REPORT_EVALUATED, version.incidentId, prepared.principal(),
                prepared.evaluatedAudit(), prepared.event());
        return prepared.view();
    }

    private void storeCorrection(String id, IncidentReport report, String contentHash, Evaluation evaluation,
            String principal) {
        // Locked so that two corrections at once get consecutive numbers, never the same one.
        Incident incident = Incident.findById(id, LockModeType.PESSIMISTIC_WRITE);
        int previous = incident.currentVersion;
        String previousVerdict = incident.judged.verdict;
        incident.currentVersion = previous + 1;
        apply(incident, report, contentHash, evaluation);
        IncidentVersion version = storeVersion(incident, now(), principal);
        IncidentActor.delete("incidentId", id);
        IncidentTruceVerdict.delete("incidentId", id);
        index(id, evaluation);

        Map<String, Object> corrected = new LinkedHashMap<>();
        corrected.put("version", version.number);
        corrected.put("previous_version", previous);
        corrected.put("content_hash", contentHash);
        corrected.put("report", report);
        corrected.put("received_at", version.receivedAt);
        ledger.record(AuditTrail.REPORT_CORRECTED, id, principal, corrected);
        Map<String, Object> changed = eventData(IncidentView.of(incident));
        changed.put("previous_version", previous);
        changed.put("previous_verdict", previousVerdict);
        ledger.record(AuditTrail.REPORT_EVALUATED, version.incidentId, principal, evaluated(version.number, evaluation),
                outbox.prepare(Outbox.VERDICT_CHANGED, id, changed));
    }

    /** The latest version's columns; a fresh verdict puts the report back in the queue if flagged. */
    private static void apply(Incident incident, IncidentReport report, String contentHash, Evaluation evaluation) {
        incident.judged = JudgedReport.of(contentHash, report, evaluation);
        incident.eventDay = report.eventDate() != null ? report.eventDate()
                : LocalDate.ofInstant(report.occurredAt(), ZoneOffset.UTC);
        incident.admin1 = report.admin1();
        incident.reviewStatus = ReviewStatus.initialFor(evaluation.verdict()).name();
    }

    private static IncidentVersion storeVersion(Incident incident, Instant receivedAt, String principal) {
        IncidentVersion version = new IncidentVersion();
        version.incidentId = incident.id;
        version.number = incident.currentVersion;
        version.receivedAt = receivedAt;
        version.submittedBy = principal;
        version.judged = incident.judged.copy();
        version.persist();
        return version;
    }

    static Map<String, Object> evaluated(int version, Evaluation evaluation) {
        Map<String, Object> evaluated = new LinkedHashMap<>();
        evaluated.put("version", version);
        evaluated.put("ruleset_version", evaluation.rulesetVersion());
        evaluated.put("verdict", evaluation.verdict());
        evaluated.put("evaluations", StoredForms.evaluations(evaluation));
        // What the ruleset's registry read each named actor as: the stored report, the actor index
        // behind the actor filter, patterns and event links all read it, so verify must be able to.
        evaluated.put("resolved_actors", evaluation.actors());
        return evaluated;
    }

    private static void index(String incidentId, Evaluation evaluation) {
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

    /** The evaluation as CONTRACT §2 shows it, as a map an event can add to. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> eventData(IncidentView view) {
        return new LinkedHashMap<>(CanonicalJson.read(CanonicalJson.write(view), Map.class));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
