package io.trucewatch.patterns;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The one row (id 1, V11) saying up to which outbox sequence number the pattern follower has taken
 * the reports' changes. Locked by each round, so that several instances find patterns one at a time.
 */
@Entity
@Table(name = "pattern_cursor")
public class PatternCursor extends PanacheEntityBase {

    static final int ONLY = 1;

    @Id
    public int id;

    @Column(name = "followed_seq", nullable = false)
    public long followedSeq;
}
