package io.trucewatch.alerts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event announced to alert integrations, written with the verdict it is about. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
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
