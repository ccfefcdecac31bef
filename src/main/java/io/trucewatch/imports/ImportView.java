package io.trucewatch.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.trucewatch.audit.CanonicalJson;
import java.time.Instant;
import java.util.List;

/**
 * An import's progress: rows done of total, and what became of them. {@code rejected_rows} is one
 * page (by the request's page and size) of the rejected rows with their errors.
 */
public record ImportView(String id, String status, Instant createdAt, String createdBy, String fileSha256,
        int totalRows, int rowsDone, int accepted, int duplicates, int rejected, Instant finishedAt,
        List<RejectedRow> rejectedRows) {

    public record RejectedRow(int row, String externalId, JsonNode errors) {
    }

    static ImportView of(ImportJob job, List<ImportRejection> rejections) {
        return new ImportView(job.id, job.status, job.createdAt, job.createdBy, job.fileSha256, job.totalRows,
                job.rowsDone, job.accepted, job.duplicates, job.rejected, job.finishedAt,
                rejections.stream().map(r -> new RejectedRow(r.rowNumber, r.externalId, CanonicalJson.parse(r.errors)))
                        .toList());
    }
}
