package io.trucewatch.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signed checkpoint as the database keeps it (one per signed entry); inserted, never updated. */
@Entity
@Table(name = "audit_checkpoint")
public class AuditCheckpoint extends PanacheEntityBase {

    @Id
    public long seq;

    @Column(name = "head_hash", nullable = false)
    public String headHash;

    @Column(name = "signed_at", nullable = false)
    public Instant signedAt;

    @Column(name = "key_id", nullable = false)
    public String keyId;

    @Column(nullable = false)
    public String signature;

    static AuditCheckpoint of(SignedCheckpoint checkpoint) {
        AuditCheckpoint row = new AuditCheckpoint();
        row.seq = checkpoint.seq();
        row.headHash = checkpoint.headHash();
        row.signedAt = checkpoint.signedAt();
        row.keyId = checkpoint.keyId();
        row.signature = checkpoint.signature();
        return row;
    }

    SignedCheckpoint signed() {
        return new SignedCheckpoint(seq, headHash, signedAt, keyId, signature);
    }
}
