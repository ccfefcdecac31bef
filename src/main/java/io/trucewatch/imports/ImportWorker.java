package io.trucewatch.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import io.trucewatch.audit.AuditTrail;
import io.trucewatch.audit.Ledger;
import io.trucewatch.audit.CanonicalJson;
import io.trucewatch.background.BackgroundWork;
import io.trucewatch.cluster.InstanceName;
import io.trucewatch.incidents.AcledCsv;
import io.trucewatch.incidents.IncidentReport;
import io.trucewatch.incidents.IncidentService;
import io.trucewatch.incidents.ReportParser;
import io.trucewatch.rulesets.ActiveRuleset;
import io.trucewatch.web.Problem;
import io.trucewatch.web.ProblemException;
import io.trucewatch.web.WellFormedText;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Runs import jobs one at a time on a worker of its own (a managed executor with one worker), each
 * row through the same validation and evaluation as a single report ({@link IncidentService#submit}),
 * in the uploader's name.
 *
 * <p>Progress and rejections are checkpointed every {@value #CHECKPOINT_ROWS} rows. A job
 * interrupted by a shutdown or a crash resumes after the last checkpoint; rows it had done since
 * then are submitted again and, being idempotent by external_id, are then counted as duplicates
 * rather than stored twice.
 *
 * <p>Several instances on one database: a job is worked by the instance holding its lease
 * ({@link ImportJob#claimedBy}, {@link ImportJob#leaseUntil}), taken under a row lock and renewed at
 * every checkpoint. Each instance looks for unfinished jobs whose lease has run out (their instance
 * stopped or died) every sweep interval, and at start, and takes them over.
 */
@ApplicationScoped
public class ImportWorker {

    static final int CHECKPOINT_ROWS = 100;
    private static final Logger LOG = Logger.getLogger(ImportWorker.class);
    private static final String SWEEP_JOB = "import-sweep";
    /** Long enough for an interrupted job to write its checkpoint before the datasource closes. */
    private static final long STOP_WAIT_SECONDS = 10;

    @Inject
    IncidentService incidents;

    @Inject
    Ledger ledger;

    @Inject
    InstanceName instance;

    @Inject
    Scheduler scheduler;

    @ConfigProperty(name = "trucewatch.imports.lease", defaultValue = "60s")
    Duration lease;

    @ConfigProperty(name = "trucewatch.imports.sweep-interval", defaultValue = "10s")
    Duration sweepInterval;

    /** Jobs waiting on or running on this instance's worker: enqueued once each. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    /** One worker, so one job at a time; its queue holds the jobs waiting. */
    private ManagedExecutor jobs;
    private volatile boolean stopped;

    /** Made with the bean, not at start: a job may be enqueued as soon as the service takes requests. */
    @PostConstruct
    void createWorker() {
        jobs = BackgroundWork.dedicatedWorkers(1);
    }

    /**
     * After the ruleset is in service (the rows are judged under it): unfinished jobs at the first
     * sweep (within a second), then every sweep interval. Scheduled here rather than with
     * @Scheduled, which would sweep as soon as the scheduler starts, before the ruleset is loaded.
     */
    void resumeUnfinished(@Observes @Priority(ActiveRuleset.LOADED) StartupEvent start) {
        BackgroundWork.every(scheduler, SWEEP_JOB, sweepInterval, this::takeOverUnclaimed);
    }

    /**
     * The job under way is interrupted: it writes a checkpoint at its next row and stops, and that
     * checkpoint is waited for so that it commits before the datasource closes. Jobs still queued
     * are left to their leases: they resume here after a restart, or on another instance.
     */
    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        stopped = true;
        scheduler.unscheduleJob(SWEEP_JOB);
        jobs.shutdownNow();
        if (!jobs.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            LOG.warnf("an import was still running %d s after shutdown began; it resumes from its last checkpoint",
                    STOP_WAIT_SECONDS);
        }
    }

    /** Unfinished jobs nobody holds a live lease on: never started, or their instance is gone. */
    void takeOverUnclaimed() {
        if (stopped) {
            // A sweep that fired just before the job was unscheduled: nothing can be run any more.
            return;
        }
        try {
            List<String> unclaimed = QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>list(
                    "status in ?1 and (leaseUntil is null or leaseUntil < ?2) order by createdAt",
                    List.of(ImportJob.Status.QUEUED.name(), ImportJob.Status.RUNNING.name()), Instant.now())
                    .stream().map(job -> job.id).toList());
            unclaimed.forEach(this::enqueue);
        } catch (RuntimeException e) {
            LOG.warn("looking for import jobs to take over failed; trying again at the next sweep", e);
        }
    }

    void enqueue(String jobId) {
        if (!queued.add(jobId)) {
            return;
        }
        jobs.submit(() -> {
            try {
                run(jobId);
            } catch (LeaseLost e) {
                LOG.warnf("import %s: %s; the instance holding it now goes on", jobId, e.getMessage());
            } catch (RuntimeException e) {
                LOG.errorf(e, "import %s stopped; it resumes when its lease runs out", jobId);
            } finally {
                queued.remove(jobId);
            }
        });
    }

    /** The job's lease for this instance, taken under a row lock: empty if another instance holds a live one. */
    private Optional<Progress> claim(String jobId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportJob job = ImportJob.findById(jobId, LockModeType.PESSIMISTIC_WRITE);
            Instant now = Instant.now();
            boolean heldElsewhere = job.claimedBy != null && !job.claimedBy.equals(instance.get())
                    && job.leaseUntil != null && job.leaseUntil.isAfter(now);
            if (job.status.equals(ImportJob.Status.DONE.name()) || heldElsewhere) {
                return Optional.<Progress>empty();
            }
            if (job.claimedBy != null && !job.claimedBy.equals(instance.get())) {
                LOG.infof("import %s: taking over from %s, whose lease ran out at %s, after row %d", jobId,
                        job.claimedBy, job.leaseUntil, job.rowsDone);
            }
            job.claimedBy = instance.get();
            job.leaseUntil = now.plus(lease).truncatedTo(ChronoUnit.MICROS);
            job.status = ImportJob.Status.RUNNING.name();
            return Optional.of(new Progress(job));
        });
    }

    /** Thrown at a checkpoint when another instance has taken the job over: this one stops at once. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost(String holder) {
            super("taken over by " + holder);
        }
    }

    private void run(String jobId) {
        Optional<Progress> claimed = claim(jobId);
        if (claimed.isEmpty()) {
            return;
        }
        Progress progress = claimed.get();
        try (CsvRows rows = CsvRows.open(progress.content)) {
            while (rows.hasNext()) {
                if (Thread.currentThread().isInterrupted()) {
                    progress.checkpoint();
                    return;
                }
                CsvRows.Row row = rows.next();
                if (row.number() <= progress.rowsDone) {
                    continue;
                }
                progress.record(row, importRow(row, progress.createdBy));
                if (row.number() % CHECKPOINT_ROWS == 0) {
                    progress.checkpoint();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        progress.finish();
    }

    /** Stored, already there (a duplicate), or rejected with the errors that kept the row out. */
    private RowOutcome importRow(CsvRows.Row row, String principal) {
        if (row.problem() != null) {
            return RowOutcome.rejected(List.of(new Problem.FieldError("(row)", row.problem())));
        }
        try {
            IncidentReport report = ReportParser.parse(AcledCsv.reportJson(row.cells()));
            if (report.externalId() == null) {
                return RowOutcome.rejected(List.of(new Problem.FieldError("external_id",
                        "required in an import, so that running the file again adds nothing")));
            }
            return incidents.submit(report, principal).created() ? RowOutcome.ACCEPTED : RowOutcome.DUPLICATE;
        } catch (ProblemException e) {
            List<Problem.FieldError> errors = e.toProblem().errors();
            return RowOutcome.rejected(errors == null || errors.isEmpty()
                    ? List.of(new Problem.FieldError("(row)", e.toProblem().detail())) : errors);
        }
    }

    private record RowOutcome(Kind kind, List<Problem.FieldError> errors) {
        enum Kind { ACCEPTED, DUPLICATE, REJECTED }

        static final RowOutcome ACCEPTED = new RowOutcome(Kind.ACCEPTED, null);
        static final RowOutcome DUPLICATE = new RowOutcome(Kind.DUPLICATE, null);

        static RowOutcome rejected(List<Problem.FieldError> errors) {
            return new RowOutcome(Kind.REJECTED, errors);
        }
    }

    /** Counters kept in memory between checkpoints, and the rejections not yet written. */
    private final class Progress {
        final String jobId;
        final String content;
        final String createdBy;
        int rowsDone;
        int accepted;
        int duplicates;
        int rejected;
        final List<ImportRejection> pending = new ArrayList<>();

        Progress(ImportJob job) {
            jobId = job.id;
            content = job.content;
            createdBy = job.createdBy;
            rowsDone = job.rowsDone;
            accepted = job.accepted;
            duplicates = job.duplicates;
            rejected = job.rejected;
        }

        void record(CsvRows.Row row, RowOutcome outcome) {
            rowsDone = row.number();
            switch (outcome.kind()) {
                case ACCEPTED -> accepted++;
                case DUPLICATE -> duplicates++;
                case REJECTED -> {
                    rejected++;
                    ImportRejection rejection = new ImportRejection();
                    rejection.jobId = jobId;
                    rejection.rowNumber = row.number();
                    String externalId = AcledCsv.externalIdCell(row.cells());
                    rejection.externalId = externalId == null || externalId.isBlank() ? null : WellFormedText.storable(externalId.strip());
                    rejection.errors = CanonicalJson.write(outcome.errors());
                    pending.add(rejection);
                }
            }
        }

        void checkpoint() {
            QuarkusTransaction.requiringNew().run(this::save);
        }

        void finish() {
            QuarkusTransaction.requiringNew().run(() -> {
                ImportJob job = save();
                job.status = ImportJob.Status.DONE.name();
                job.finishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("import_id", jobId);
                data.put("rows", job.totalRows);
                data.put("accepted", accepted);
                data.put("duplicates", duplicates);
                data.put("rejected", rejected);
                ledger.record(AuditTrail.IMPORT_FINISHED, null, createdBy, data);
            });
        }

        private ImportJob save() {
            ImportJob job = ImportJob.findById(jobId, LockModeType.PESSIMISTIC_WRITE);
            if (!instance.get().equals(job.claimedBy)) {
                throw new LeaseLost(job.claimedBy);
            }
            job.leaseUntil = Instant.now().plus(lease).truncatedTo(ChronoUnit.MICROS);
            job.rowsDone = rowsDone;
            job.accepted = accepted;
            job.duplicates = duplicates;
            job.rejected = rejected;
            pending.forEach(r -> r.persist());
            pending.clear();
            return job;
        }
    }
}
