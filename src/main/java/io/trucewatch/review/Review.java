package io.trucewatch.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One auditor's decision on one version of a report. Appended, never edited. */
@Entity
@Table(name = "review")
public class Review extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "incident_id", nullable = false)
    public String incidentId;

    /** The version the auditor looked at. */
    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String decision;

    @Column(nullable = false, length = 1_000_000)
    public String reason;

    /** JSON array of names, when the auditor attributes a confirmed violation; else null. */
    @Column(name = "violating_parties", length = 1_000_000)
    public String violatingParties;

    @Column(nullable = false)
    public String reviewer;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;
}
