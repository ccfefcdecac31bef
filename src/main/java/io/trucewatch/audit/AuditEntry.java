package io.trucewatch.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One link of the audit chain. Rows are inserted, never updated or deleted. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    public long seq;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(nullable = false)
    public String type;

    @Column(name = "incident_id")
    public String incidentId;

    @Column(nullable = false)
    public String principal;

    /** Canonical JSON of what the step did. */
    @Column(nullable = false, length = 1_000_000)
    public String data;

    @Column(name = "previous_hash", nullable = false)
    public String previousHash;

    @Column(nullable = false)
    public String hash;

    /** The hash this entry must have: SHA-256 of the previous hash and the canonical JSON of its columns. */
    public String expectedHash() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("seq", seq);
        content.put("recorded_at", recordedAt.toString());
        content.put("type", type);
        content.put("incident_id", incidentId);
        content.put("principal", principal);
        content.put("data", CanonicalJson.parse(data));
        return CanonicalJson.sha256Hex(previousHash + "\n" + CanonicalJson.write(content));
    }
}
