package io.trucewatch.audit;

/** The rules an entry must meet to be a sound link of the chain. */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** What is wrong with an entry, or null if it is the sound next link after {@code previousHash}. */
    static String problemWith(AuditEntry entry, long expectedSeq, String previousHash) {
        if (entry.seq != expectedSeq) {
            return "entry " + expectedSeq + " is missing (next found: " + entry.seq + ")";
        }
        if (!entry.previousHash.equals(previousHash)) {
            return "previous_hash does not match the hash of entry " + (expectedSeq - 1);
        }
        // The hash commits to the data's exact text. Every entry this service writes holds its data
        // as canonical text, which is hashed as it is; parsing and writing it again is needed only
        // for data stored in another form (AuditEntry.expectedHash), and costs several times more.
        if (entry.hashOfCanonicalData().equals(entry.hash)) {
            return null;
        }
        String expected;
        try {
            expected = entry.expectedHash();
        } catch (IllegalArgumentException e) {
            return "its data is not valid JSON any more";
        }
        if (!expected.equals(entry.hash)) {
            return "its content does not match its hash: the entry was altered";
        }
        return null;
    }
}
