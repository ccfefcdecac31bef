package io.trucewatch.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Appends to and checks the hash-chained audit trail. Appends join the caller's transaction, so a
 * step and its audit entry commit or roll back together.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String REPORT_RECEIVED = "REPORT_RECEIVED";
    public static final String REPORT_EVALUATED = "REPORT_EVALUATED";
    public static final String REPORT_CORRECTED = "REPORT_CORRECTED";
    public static final String REVIEW_DECIDED = "REVIEW_DECIDED";
    public static final String IMPORT_ACCEPTED = "IMPORT_ACCEPTED";
    public static final String IMPORT_FINISHED = "IMPORT_FINISHED";
    public static final String DELIVERY_SUCCEEDED = "DELIVERY_SUCCEEDED";
    public static final String DELIVERY_FAILED = "DELIVERY_FAILED";
    public static final String DELIVERY_DEAD_LETTERED = "DELIVERY_DEAD_LETTERED";
    public static final String SUBSCRIPTION_CHANGED = "SUBSCRIPTION_CHANGED";
    public static final String RULESET_ACTIVATED = "RULESET_ACTIVATED";
    public static final String RULESET_REJECTED = "RULESET_REJECTED";

    /** How many entries {@link #verify()} reads per query, so a long chain is never all in memory. */
    private static final int VERIFY_BATCH = 500;

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry append(String type, String incidentId, String principal, Object data) {
        return appendWritten(type, incidentId, principal, CanonicalJson.write(data));
    }

    /**
     * The same with the data already written as canonical JSON ({@link CanonicalJson#write}): lets a
     * caller do the writing before it takes the chain's lock (see GroupCommit).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry appendWritten(String type, String incidentId, String principal, String canonicalData) {
        // Locking the head row serialises appends across transactions: one chain, one order.
        AuditHead head = AuditHead.findById(AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        AuditEntry entry = new AuditEntry();
        entry.seq = head.lastSeq + 1;
        // The database keeps microseconds; truncate so the hashed value is the stored value.
        entry.recordedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        entry.type = type;
        entry.incidentId = incidentId;
        entry.principal = principal;
        entry.data = canonicalData;
        entry.previousHash = head.lastHash;
        entry.hash = entry.expectedHash();
        entry.persist();
        head.lastSeq = entry.seq;
        head.lastHash = entry.hash;
        return entry;
    }

    /** Walks the whole chain from the first entry and reports the first that does not hold. */
    @Transactional
    public ChainCheck verify() {
        AuditHead head = AuditHead.findById(AuditHead.ID);
        String previous = AuditChain.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        while (true) {
            List<AuditEntry> batch = AuditEntry.<AuditEntry>find("seq >= ?1 order by seq", expectedSeq)
                    .page(0, VERIFY_BATCH).list();
            for (AuditEntry entry : batch) {
                String problem = AuditChain.problemWith(entry, expectedSeq, previous);
                if (problem != null) {
                    return ChainCheck.broken(checked, entry.seq, problem);
                }
                previous = entry.hash;
                expectedSeq++;
                checked++;
            }
            AuditEntry.getEntityManager().clear();
            if (batch.size() < VERIFY_BATCH) {
                break;
            }
        }
        if (checked != head.lastSeq || !previous.equals(head.lastHash)) {
            return ChainCheck.broken(checked, checked + 1,
                    "the chain ends at entry " + checked + " but its head names entry " + head.lastSeq
                            + ": entries were removed");
        }
        return ChainCheck.intact(checked, previous);
    }
}
