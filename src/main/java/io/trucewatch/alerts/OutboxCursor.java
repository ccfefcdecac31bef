package io.trucewatch.alerts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one row saying up to which outbox sequence number events have been fanned out. */
@Entity
@Table(name = "outbox_cursor")
public class OutboxCursor extends PanacheEntityBase {

    @Id
    public int id;

    @Column(name = "dispatched_seq", nullable = false)
    public long dispatchedSeq;
}
