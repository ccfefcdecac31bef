package io.trucewatch.imports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An ACLED CSV file being imported: the file itself, and how far the worker has got. */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    public enum Status { QUEUED, RUNNING, DONE }

    @Id
    public String id;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Who uploaded the file: every report of it is submitted in their name. */
    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "file_sha256", nullable = false)
    public String fileSha256;

    /** Loaded only by the worker, not for every progress read. */
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, columnDefinition = "CLOB")
    public String content;

    @Column(nullable = false)
    public String status;

    @Column(name = "total_rows", nullable = false)
    public int totalRows;

    @Column(name = "rows_done", nullable = false)
    public int rowsDone;

    @Column(nullable = false)
    public int accepted;

    @Column(nullable = false)
    public int duplicates;

    @Column(nullable = false)
    public int rejected;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The instance working the job ({@code InstanceName}), while its lease lasts. */
    @Column(name = "claimed_by")
    public String claimedBy;

    /** Until when the claim holds; renewed at each checkpoint. Past it, another instance may take over. */
    @Column(name = "lease_until")
    public Instant leaseUntil;
}
