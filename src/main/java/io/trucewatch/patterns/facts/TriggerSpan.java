package io.trucewatch.patterns.facts;

/**
 * The event times (epoch milliseconds, {@code from} inclusive, {@code until} exclusive) of the acts
 * whose windows are wanted: a round finds the patterns of some periods, and the acts before them
 * are there only to be counted in those periods' windows, not to close windows of their own.
 */
public record TriggerSpan(long from, long until) {

    /** Every act closes its window: finding patterns over all the acts given. */
    public static final TriggerSpan ALL = new TriggerSpan(Long.MIN_VALUE, Long.MAX_VALUE);

    public boolean holds(long at) {
        return at >= from && at < until;
    }
}
