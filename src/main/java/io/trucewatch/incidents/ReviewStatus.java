package io.trucewatch.incidents;

import io.trucewatch.evaluation.Verdict;

/**
 * Where a report stands with the auditors. PENDING and ESCALATED reports are in the review queue;
 * CONFIRMED and DISMISSED are decided; NOT_REQUIRED is a verdict nobody needs to look at (an
 * auditor may still review it).
 */
public enum ReviewStatus {
    PENDING, ESCALATED, CONFIRMED, DISMISSED, NOT_REQUIRED;

    /** The status of a freshly judged version: flagged verdicts wait for an auditor. */
    static ReviewStatus initialFor(Verdict verdict) {
        return verdict == Verdict.PROBABLE_VIOLATION || verdict == Verdict.NEEDS_REVIEW ? PENDING : NOT_REQUIRED;
    }
}
