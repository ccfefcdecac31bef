package io.trucewatch.patterns.facts;

/**
 * Which acts' windows are wanted: those of the act just inserted ({@code closing}, its event time;
 * null when every act in the span is asked), if its time is in the round's span ({@code from}
 * inclusive, {@code until} exclusive, epoch milliseconds). A round finds the patterns of some
 * periods: the acts before them are there only to be counted in those periods' windows.
 *
 * <p>The detector moves {@code closing} along as it inserts acts in event-time order, so a rule's
 * window is counted once, when its last act arrives, and dropped when the next act comes: the
 * session holds the windows of one moment, not of every act it has seen.
 */
public record TriggerSpan(long from, long until, Long closing) {

    /** Every act closes its window: finding patterns over all the acts given. */
    public static final TriggerSpan ALL = new TriggerSpan(Long.MIN_VALUE, Long.MAX_VALUE);

    public TriggerSpan(long from, long until) {
        this(from, until, null);
    }

    /** The same span, asking for the windows that end at {@code at} only. */
    public TriggerSpan closingAt(long at) {
        return new TriggerSpan(from, until, at);
    }

    public boolean holds(long at) {
        return at >= from && at < until && (closing == null || closing == at);
    }
}
