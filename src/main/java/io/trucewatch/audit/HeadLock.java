package io.trucewatch.audit;

/**
 * Proof that the caller's transaction holds the audit chain's head lock, which the ledger takes
 * for every entry. Only the ledger makes one (the constructor is this package's), and an outbox
 * event can be written only with one held by the same transaction: so events are numbered under
 * the same lock as the chain, in commit order, by construction rather than by convention.
 */
public final class HeadLock {

    private final Object transaction;

    HeadLock(Object transaction) {
        this.transaction = transaction;
    }

    /** Throws unless {@code currentTransaction} is the one that took the lock. */
    public void requireHeldBy(Object currentTransaction) {
        if (transaction == null || !transaction.equals(currentTransaction)) {
            throw new IllegalStateException("an outbox event must be written in the transaction that holds the audit "
                    + "head lock (write it through the Ledger)");
        }
    }
}
