package io.trucewatch.evaluation.facts;

/**
 * Where a zone's withdrawal stood at the time of a sighting: past its deadline, in the window where
 * the sources give different deadlines, or before any deadline the sources give.
 */
public enum WithdrawalPhase {
    DUE,
    DEADLINE_DISPUTED,
    UNDER_WAY
}
