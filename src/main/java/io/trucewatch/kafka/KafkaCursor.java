package io.trucewatch.kafka;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The one row (id 1, migration V10) saying up to which outbox sequence number events are on the
 * events topic. Locked by each publishing round, so that several instances publish one at a time.
 */
@Entity
@Table(name = "kafka_cursor")
public class KafkaCursor extends PanacheEntityBase {

    static final int ONLY = 1;

    @Id
    public int id;

    @Column(name = "published_seq", nullable = false)
    public long publishedSeq;
}
