package io.trucewatch.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row naming the chain's last entry; locked for update by every append. */
@Entity
@Table(name = "audit_head")
public class AuditHead extends PanacheEntityBase {

    public static final int ID = 1;

    @Id
    public int id;

    @Column(name = "last_seq", nullable = false)
    public long lastSeq;

    @Column(name = "last_hash", nullable = false)
    public String lastHash;
}
