package io.trucewatch.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

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
    public static final String PATTERN_DETECTED = "PATTERN_DETECTED";
    public static final String PATTERN_REVISED = "PATTERN_REVISED";
    public static final String PATTERN_WITHDRAWN = "PATTERN_WITHDRAWN";
    public static final String PATTERN_REVIEWED = "PATTERN_REVIEWED";
    public static final String LINK_DECIDED = "LINK_DECIDED";
    public static final String IMPORT_ACCEPTED = "IMPORT_ACCEPTED";
    public static final String IMPORT_FINISHED = "IMPORT_FINISHED";
    public static final String DELIVERY_SUCCEEDED = "DELIVERY_SUCCEEDED";
    public static final String DELIVERY_FAILED = "DELIVERY_FAILED";
    public static final String DELIVERY_DEAD_LETTERED = "DELIVERY_DEAD_LETTERED";
    public static final String SUBSCRIPTION_CHANGED = "SUBSCRIPTION_CHANGED";
    public static final String RULESET_ACTIVATED = "RULESET_ACTIVATED";
    public static final String RULESET_REJECTED = "RULESET_REJECTED";

    @Inject
    Checkpoints checkpoints;

    /**
     * Appends an entry (data already written as canonical JSON). Only the {@link Ledger} calls it:
     * every step is recorded there, with its outbox event under the same lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    AuditEntry appendWritten(String type, String incidentId, String principal, CanonicalJson.Text canonicalData) {
        // Locking the head row serialises appends across transactions: one chain, one order.
        AuditHead head = AuditHead.findById(AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        AuditEntry entry = new AuditEntry();
        entry.seq = head.lastSeq + 1;
        // The database keeps microseconds; truncate so the hashed value is the stored value.
        entry.recordedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        entry.type = type;
        entry.incidentId = incidentId;
        entry.principal = principal;
        entry.data = canonicalData.json();
        entry.previousHash = head.lastHash;
        entry.hash = entry.hashOfCanonicalData();
        entry.persist();
        head.lastSeq = entry.seq;
        head.lastHash = entry.hash;
        checkpoints.appended(entry.seq, entry.hash);
        return entry;
    }

    /**
     * Walks the whole chain from the first entry to the one the head names (entries appended
     * meanwhile are left for the next walk) and reports the first that does not hold. The chain
     * alone: {@link AuditVerification} adds the checkpoints and the incidents' state.
     */
    public ChainCheck verify() {
        ChainWalk.Head head = ChainWalk.head();
        ChainWalk.Stretch stretch = ChainWalk.check(0, AuditChain.GENESIS, head.seq());
        if (!stretch.holds()) {
            return ChainCheck.broken(stretch.lastGoodSeq(), stretch.brokenSeq(), stretch.problem()).withHeadSeq(head.seq());
        }
        if (!stretch.lastGoodHash().equals(head.hash())) {
            return ChainCheck.broken(head.seq(), head.seq(), "the head names entry " + head.seq()
                    + " with another hash than the entry has: the head was altered").withHeadSeq(head.seq());
        }
        long beyond = ChainWalk.entriesBeyondHead();
        if (beyond > 0) {
            return ChainCheck.broken(head.seq(), beyond, "entry " + beyond + " lies after the entry the head names: "
                    + "the head was moved back").withHeadSeq(head.seq());
        }
        return ChainCheck.intact(head.seq(), head.seq(), head.hash());
    }
}
