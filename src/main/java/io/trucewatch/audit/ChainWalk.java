package io.trucewatch.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads stretches of the chain in batches, each batch in a transaction of its own: a long chain is
 * never all in memory, and a walk over hundreds of thousands of entries outlives no transaction
 * timeout.
 */
final class ChainWalk {

    /** How many entries one query reads. */
    static final int BATCH = 500;

    /** The head row as committed when read. */
    record Head(long seq, String hash) {
    }

    /**
     * The outcome of walking a stretch: the last entry that held (and its hash) and, if one did
     * not, which and why.
     */
    record Stretch(long lastGoodSeq, String lastGoodHash, Long brokenSeq, String problem) {

        boolean holds() {
            return problem == null;
        }
    }

    private ChainWalk() {
    }

    static Head head() {
        return QuarkusTransaction.requiringNew().call(() -> {
            AuditHead head = AuditHead.findById(AuditHead.ID);
            return new Head(head.lastSeq, head.lastHash);
        });
    }

    /** The stored hash of entry {@code seq}, or null if there is no such entry. */
    static String hashOf(long seq) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AuditEntry entry = AuditEntry.findById(seq);
            return entry == null ? null : entry.hash;
        });
    }

    /** The stored hashes of these entries (absent ones left out), read {@link #BATCH} at a time. */
    static Map<Long, String> hashesOf(List<Long> seqs) {
        Map<Long, String> hashes = new HashMap<>();
        for (int from = 0; from < seqs.size(); from += BATCH) {
            List<Long> some = seqs.subList(from, Math.min(seqs.size(), from + BATCH));
            QuarkusTransaction.requiringNew().run(() -> AuditEntry.getEntityManager()
                    .createQuery("select e.seq, e.hash from AuditEntry e where e.seq in :seqs", Object[].class)
                    .setParameter("seqs", some).getResultList()
                    .forEach(row -> hashes.put(((Number) row[0]).longValue(), (String) row[1])));
        }
        return hashes;
    }

    /**
     * The highest entry past the one the head names, or 0 if none. Read before the head, in one
     * transaction: an append commits its entry and the head together, so an honest entry read
     * first is never past the head read after it.
     */
    static long entriesBeyondHead() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Number max = (Number) AuditEntry.getEntityManager().createQuery("select max(e.seq) from AuditEntry e")
                    .getSingleResult();
            AuditHead head = AuditHead.findById(AuditHead.ID);
            long last = max == null ? 0 : max.longValue();
            return last > head.lastSeq ? last : 0;
        });
    }

    /**
     * Checks the entries after {@code fromSeq} up to and including {@code toSeq}: each must be
     * present, link to the one before (the first to {@code fromHash}) and match its own hash.
     */
    static Stretch check(long fromSeq, String fromHash, long toSeq) {
        long expected = fromSeq + 1;
        String previous = fromHash;
        while (expected <= toSeq) {
            long first = expected;
            List<AuditEntry> batch = QuarkusTransaction.requiringNew().call(() -> AuditEntry
                    .<AuditEntry>find("seq >= ?1 and seq <= ?2 order by seq", first, toSeq).page(0, BATCH).list());
            if (batch.isEmpty()) {
                return new Stretch(expected - 1, previous, expected, "the chain ends at entry " + (expected - 1)
                        + " but should reach entry " + toSeq + ": entries were removed");
            }
            for (AuditEntry entry : batch) {
                String problem = AuditChain.problemWith(entry, expected, previous);
                if (problem != null) {
                    return new Stretch(expected - 1, previous, entry.seq, problem);
                }
                previous = entry.hash;
                expected++;
            }
        }
        return new Stretch(toSeq, previous, null, null);
    }
}
