package io.trucewatch.audit;

/**
 * The result of verifying the audit trail: the chain itself, the signed checkpoints, and the
 * incidents' stored state against what the chain says of them. The first check that fails is named.
 *
 * @param intact             whether everything checked holds
 * @param entriesChecked     how many entries held before the first broken one (all of them if the chain holds)
 * @param firstBrokenSeq     the first entry that does not hold, or null
 * @param problem            what is wrong, or null
 * @param headHash           the last entry's hash when intact: quote it to pin the trail's state
 * @param headSeq            the entry the head named when the walk began
 * @param failedCheck        which check failed: {@code chain}, {@code checkpoint}, {@code incident_state}
 *                           or {@code since_checkpoint}; null when intact
 * @param checkpointsChecked how many signed checkpoints were checked, when they were
 * @param incidentsChecked   how many incidents' state was compared with the chain, when it was
 * @param stateMismatch      the first incident whose stored state the chain contradicts, or null
 * @param containsCheckpoint when a checkpoint was given (since_checkpoint): whether the log still holds
 *                           that entry with that hash, i.e. has only grown since
 */
public record ChainCheck(boolean intact, long entriesChecked, Long firstBrokenSeq, String problem, String headHash,
        Long headSeq, String failedCheck, Integer checkpointsChecked, Long incidentsChecked,
        StateMismatch stateMismatch, Boolean containsCheckpoint) {

    static final String CHAIN = "chain";
    static final String CHECKPOINT = "checkpoint";
    static final String INCIDENT_STATE = "incident_state";
    static final String SINCE_CHECKPOINT = "since_checkpoint";

    static ChainCheck intact(long checked, long headSeq, String headHash) {
        return new ChainCheck(true, checked, null, null, headHash, headSeq, null, null, null, null, null);
    }

    static ChainCheck broken(long checked, long seq, String problem) {
        return new ChainCheck(false, checked, seq, problem, null, null, CHAIN, null, null, null, null);
    }

    ChainCheck withHeadSeq(long seq) {
        return new ChainCheck(intact, entriesChecked, firstBrokenSeq, problem, headHash, seq, failedCheck,
                checkpointsChecked, incidentsChecked, stateMismatch, containsCheckpoint);
    }

    ChainCheck withCheckpointsChecked(int count) {
        return new ChainCheck(intact, entriesChecked, firstBrokenSeq, problem, headHash, headSeq, failedCheck,
                count, incidentsChecked, stateMismatch, containsCheckpoint);
    }

    ChainCheck withIncidentsChecked(long count) {
        return new ChainCheck(intact, entriesChecked, firstBrokenSeq, problem, headHash, headSeq, failedCheck,
                checkpointsChecked, count, stateMismatch, containsCheckpoint);
    }

    /** The answer to since_checkpoint: whether the log still holds the checkpoint's entry and hash. */
    ChainCheck withContainsCheckpoint(boolean contains) {
        return new ChainCheck(intact, entriesChecked, firstBrokenSeq, problem, headHash, headSeq, failedCheck,
                checkpointsChecked, incidentsChecked, stateMismatch, contains);
    }

    /** A check after the chain's failed: no head hash is vouched for. */
    ChainCheck failed(String check, Long seq, String why) {
        return new ChainCheck(false, entriesChecked, seq, why, null, headSeq, check, checkpointsChecked,
                incidentsChecked, stateMismatch, containsCheckpoint);
    }

    ChainCheck failedOnState(StateMismatch mismatch) {
        return new ChainCheck(false, entriesChecked, null, mismatch.describe(), null, headSeq, INCIDENT_STATE,
                checkpointsChecked, incidentsChecked, mismatch, containsCheckpoint);
    }
}
