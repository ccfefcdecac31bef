package io.trucewatch.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.trucewatch.audit.AuditTrail;
import io.trucewatch.audit.Ledger;
import io.trucewatch.audit.CanonicalJson;
import io.trucewatch.incidents.AcledCsv;
import io.trucewatch.web.Problem;
import io.trucewatch.web.ProblemException;
import io.trucewatch.web.WellFormedText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Accepts ACLED CSV files as import jobs. The file is checked as a whole first (readable CSV, known
 * columns, an id column), stored with the job, and only then handed to the {@link ImportWorker}.
 */
@ApplicationScoped
public class ImportService {

    @Inject
    Ledger ledger;

    @Inject
    ImportWorker worker;

    public ImportView accept(String csv, String principal) {
        int rows = checkFile(csv);
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID().toString();
        job.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        job.createdBy = principal;
        job.fileSha256 = CanonicalJson.sha256Hex(csv);
        job.content = csv;
        job.status = ImportJob.Status.QUEUED.name();
        job.totalRows = rows;
        QuarkusTransaction.requiringNew().run(() -> {
            job.persist();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("import_id", job.id);
            data.put("file_sha256", job.fileSha256);
            data.put("rows", rows);
            ledger.record(AuditTrail.IMPORT_ACCEPTED, null, principal, data);
        });
        worker.enqueue(job.id);
        return ImportView.of(job, List.of());
    }

    public Optional<ImportView> find(String id, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>findByIdOptional(id)
                .map(job -> ImportView.of(job, ImportRejection.<ImportRejection>find(
                        "jobId = ?1 order by rowNumber", id).page(page, size).list())));
    }

    /** The number of data rows; a 400 naming what is wrong with the file otherwise. */
    private static int checkFile(String csv) {
        if (csv.isBlank()) {
            throw ProblemException.invalid("(body)", "empty: send an ACLED CSV file with a header row");
        }
        int nul = csv.indexOf(WellFormedText.NUL);
        if (nul >= 0) {
            throw ProblemException.invalid("(body)", "holds the NUL character (U+0000) on line "
                    + (csv.substring(0, nul).chars().filter(c -> c == '\n').count() + 1)
                    + ": no report needs it, and text holding it cannot be stored; remove it and send the file again");
        }
        try (CsvRows rows = CsvRows.open(csv)) {
            List<String> unknown = AcledCsv.unknownColumns(rows.header());
            if (!unknown.isEmpty()) {
                throw ProblemException.invalid(unknown.stream().map(column -> new Problem.FieldError(column,
                        "unknown column: neither a report field (CONTRACT §1) nor an ACLED column")).toList());
            }
            if (!AcledCsv.hasExternalIdColumn(rows.header())) {
                throw ProblemException.invalid("external_id", "an import needs an external_id (or ACLED "
                        + "event_id_cnty) column, so that running the file again adds nothing");
            }
            int count = 0;
            while (rows.hasNext()) {
                rows.next();
                count++;
            }
            return count;
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("(body)", e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
