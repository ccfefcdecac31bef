package io.trucewatch.alerts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event announced to alert integrations, written with the verdict it is about. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /**
     * From a sequence (V7): fetching the next value does not make Hibernate run the inserts queued
     * before it, as an identity column's key would, so a group commit's inserts go in JDBC batches.
     * Values are taken under the audit head lock (see Outbox), hence in commit order.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_event_seq")
    @SequenceGenerator(name = "outbox_event_seq", sequenceName = "outbox_event_seq", allocationSize = 1)
    public Long seq;

    /** The webhook-id and the payload's id: the same on every retry and every reconnect. */
    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(nullable = false)
    public String type;

    @Column(name = "incident_id")
    public String incidentId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** The exact body every receiver gets (the signature covers these bytes). */
    @Column(nullable = false, length = 1_000_000)
    public String payload;
}
