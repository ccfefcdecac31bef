package io.trucewatch.incidents;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored incident report: its latest version with that version's evaluation, and who submitted
 * the report first. Every version, the latest included, is also kept unchanged as an
 * {@link IncidentVersion}; this row is what lists and filters read.
 */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "external_id")
    public String externalId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** Who submitted the first version: the only monitor who may correct it. */
    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "current_version", nullable = false)
    public int currentVersion;

    /** The latest version's report and judgement, as its {@link IncidentVersion} holds them. */
    @Embedded
    public JudgedReport judged;

    /** event_date, or the UTC day of occurred_at: what date filters compare against. */
    @Column(name = "event_day", nullable = false)
    public LocalDate eventDay;

    public String admin1;

    /** {@link ReviewStatus}: set from the verdict, then by each review, and reset by a correction. */
    @Column(name = "review_status", nullable = false)
    public String reviewStatus;

    /** A new, unmanaged copy with the same values (a template made outside a transaction, stored inside one). */
    Incident copy() {
        Incident copy = new Incident();
        copy.id = id;
        copy.externalId = externalId;
        copy.receivedAt = receivedAt;
        copy.submittedBy = submittedBy;
        copy.currentVersion = currentVersion;
        copy.judged = judged.copy();
        copy.eventDay = eventDay;
        copy.admin1 = admin1;
        copy.reviewStatus = reviewStatus;
        return copy;
    }
}
