package io.trucewatch.review;

/** What an auditor decides about a flagged report. */
public enum Decision {
    /** The violation happened as the engine (or the auditor's parties) say. */
    CONFIRMED,
    /** Not a violation: wrong facts, wrong attribution, or a permitted act. */
    DISMISSED,
    /** Needs a more senior look; the report stays in the queue. */
    ESCALATED
}
