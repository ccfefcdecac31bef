package io.trucewatch.audit;

/**
 * The result of walking the audit chain.
 *
 * @param intact      whether every entry holds
 * @param entriesChecked how many entries held before the first broken one (all of them if intact)
 * @param firstBrokenSeq the first entry that does not hold, or null
 * @param problem     what is wrong with it, or null
 * @param headHash    the last entry's hash when intact: quote it to pin the trail's state
 */
public record ChainCheck(boolean intact, long entriesChecked, Long firstBrokenSeq, String problem, String headHash) {

    static ChainCheck intact(long checked, String headHash) {
        return new ChainCheck(true, checked, null, null, headHash);
    }

    static ChainCheck broken(long checked, long seq, String problem) {
        return new ChainCheck(false, checked, seq, problem, null);
    }
}
