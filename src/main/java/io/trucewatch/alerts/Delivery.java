package io.trucewatch.alerts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One event for one subscription, and how sending it has gone. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    public enum Status { PENDING, SUCCEEDED, DEAD }

    @Id
    public String id;

    @Column(name = "subscription_id", nullable = false)
    public String subscriptionId;

    @Column(name = "event_seq", nullable = false)
    public long eventSeq;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "succeeded_at")
    public Instant succeededAt;
}
