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

    /**
     * The hash this entry must have: SHA-256 of the previous hash and the canonical JSON of its
     * columns. Reads the stored data whatever its form, as the chain's verification must.
     */
    public String expectedHash() {
        Map<String, Object> content = columnsButData();
        content.put("data", CanonicalJson.parse(data));
        return CanonicalJson.sha256Hex(previousHash + "\n" + CanonicalJson.write(content));
    }

    /**
     * The same hash, for an entry whose data is canonical JSON as written (a new entry's, from
     * {@link CanonicalJson.Text}): the canonical text of the columns is the data's text placed under
     * "data", the first key in sorted order, so it goes in as it is instead of being parsed and
     * written again. Equal to {@link #expectedHash()} for such data (AuditHashTest).
     */
    public String hashOfCanonicalData() {
        String others = CanonicalJson.write(columnsButData());
        return CanonicalJson.sha256Hex(previousHash + "\n" + "{\"data\":" + data + "," + others.substring(1));
    }

    private Map<String, Object> columnsButData() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("seq", seq);
        content.put("recorded_at", recordedAt.toString());
        content.put("type", type);
        content.put("incident_id", incidentId);
        content.put("principal", principal);
        return content;
    }
}
