package io.trucewatch.patterns;

import io.trucewatch.patterns.facts.PatternThreshold;
import java.time.Instant;

/**
 * A pattern's periods: from the truce's start, consecutive spans as long as the pattern's window
 * (days for a 24-hour burst, weeks for a 7-day count). A pattern is stored per period: every hit
 * whose window ends in the period is part of it. So a campaign of weeks is a pattern a week, each
 * with a bounded set of reports, and a late report changes only the periods its act can be in a
 * window of (the period of its time, and the next if a window from there reaches back to it).
 *
 * @param origin the truce's start, epoch milliseconds
 * @param length the pattern's window, milliseconds
 */
public record PatternPeriods(long origin, long length) {

    public static PatternPeriods of(Instant truceStart, PatternThreshold threshold) {
        return new PatternPeriods(truceStart.toEpochMilli(), threshold.windowMillis());
    }

    public long index(long at) {
        return Math.floorDiv(at - origin, length);
    }

    public long start(long index) {
        return origin + index * length;
    }

    public long end(long index) {
        return start(index) + length;
    }

    /** The first period whose hits a report at {@code at} can be part of. */
    public long firstAffected(long at) {
        return index(at);
    }

    /** The last: a window ends at most one window length after the act (exclusive). */
    public long lastAffected(long at) {
        return index(at + length - 1);
    }

    /** The earliest act time (exclusive) a window ending in {@code index} can hold. */
    public long actsAfter(long index) {
        return start(index) - length;
    }
}
