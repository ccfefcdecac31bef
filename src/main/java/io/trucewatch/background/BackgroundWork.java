package io.trucewatch.background;

import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import java.time.Duration;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

/**
 * The shapes background work takes here, in one place: a few dedicated workers on Quarkus's
 * managed pool (a single writer, one import at a time, one consumer loop…), an interval as
 * Quarkus's scheduler takes it, and telling a cursor locked by another instance from a failure.
 */
public final class BackgroundWork {

    /** Quarkus's simple scheduler looks at its triggers once a second. */
    private static final long SCHEDULER_RESOLUTION_MS = 1000;

    private BackgroundWork() {
    }

    /**
     * At most {@code workers} tasks at once, in submission order. No request context is carried
     * over: the work outlives the request that queued it, and opens its own transactions. The
     * owner shuts it down on ShutdownEvent, before the datasource closes.
     */
    public static ManagedExecutor dedicatedWorkers(int workers) {
        return ManagedExecutor.builder().maxAsync(workers)
                .propagated(ThreadContext.NONE).cleared(ThreadContext.ALL_REMAINING).build();
    }

    /**
     * Runs {@code round} on the scheduler every {@code interval} (at the scheduler's resolution),
     * the first soon after now; a round still running when the next is due makes that one skip.
     * The owner unschedules {@code job} when it stops.
     */
    public static void every(Scheduler scheduler, String job, Duration interval, Runnable round) {
        scheduler.newJob(job).setInterval(schedulerInterval(interval))
                .setConcurrentExecution(ConcurrentExecution.SKIP).setTask(execution -> round.run()).schedule();
    }

    /**
     * An interval for the scheduler: never below its once-a-second resolution, since a shorter one
     * would run once a second all the same (and warn at every start). Work that must not wait for
     * the next round is nudged by the commit that caused it instead.
     */
    public static String schedulerInterval(Duration interval) {
        return Math.max(interval.toMillis(), SCHEDULER_RESOLUTION_MS) + "ms";
    }

    /**
     * Whether a round failed only because another instance holds the row it locks (a cursor): not
     * a failure, that instance is doing the work.
     */
    public static boolean lockedByAnotherInstance(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PessimisticLockException || cause instanceof LockTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
