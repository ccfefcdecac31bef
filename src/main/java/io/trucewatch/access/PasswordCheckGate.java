package io.trucewatch.access;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Runs the slow password checks (PBKDF2, a few hundred ms of a core each) at most a few at a time,
 * so that wrong passwords sent from many addresses at once, each address still under its
 * {@link SignInThrottle} limits, cannot take every core and slow every request.
 *
 * <ul>
 * <li>At most {@code permits} checks run at once; by default every core but one.</li>
 * <li>At most {@code maxWaiting} sign-ins wait for one, each for at most {@code maxWait}; others are
 * refused at once ({@link SignInThrottledException}, 429). Waiting holds a worker thread, and a
 * flood must not hold them all.</li>
 * <li>Sign-ins with the same name and password that arrive while that check runs share its result
 * instead of running it again: a client that opens many connections at once with the right
 * password (after a restart nothing is remembered yet) costs one check, not a queue of them.</li>
 * </ul>
 */
final class PasswordCheckGate {

    /** Seconds a refused sign-in is told to wait: checks free up within a second or so. */
    private static final long BUSY_RETRY_MILLIS = 1000;

    private final Semaphore running;
    private final int maxEntrants;
    private final long maxWaitNanos;
    private final AtomicInteger entrants = new AtomicInteger();
    private final ConcurrentHashMap<String, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();

    PasswordCheckGate(int permits, int maxWaiting, Duration maxWait) {
        if (permits < 1 || maxWaiting < 0 || maxWait.isNegative()) {
            throw new IllegalArgumentException("at least one concurrent password check, and no negative waits");
        }
        // Fair: sign-ins waiting are served in turn, so none waits out its time while later ones get through.
        this.running = new Semaphore(permits, true);
        this.maxEntrants = permits + maxWaiting;
        this.maxWaitNanos = maxWait.toNanos();
    }

    static PasswordCheckGate from(AuthConfig.Throttle config) {
        int permits = config.concurrentChecks().orElse(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        return new PasswordCheckGate(permits, config.waitingChecks(), config.checkWait());
    }

    /**
     * The result of {@code slowCheck}, run here or, when a check with the same {@code sameCheck} key
     * is already running, that check's result.
     *
     * @param sameCheck identifies the name and password (never the password itself)
     * @throws SignInThrottledException when no check could be started in time
     */
    boolean check(String sameCheck, BooleanSupplier slowCheck) {
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = inFlight.putIfAbsent(sameCheck, mine);
        if (running != null) {
            return resultOf(running);
        }
        try {
            boolean result = withPermit(slowCheck);
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(sameCheck, mine);
        }
    }

    private boolean withPermit(BooleanSupplier slowCheck) {
        if (entrants.incrementAndGet() > maxEntrants) {
            entrants.decrementAndGet();
            throw new SignInThrottledException(BUSY_RETRY_MILLIS);
        }
        try {
            if (!running.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS)) {
                throw new SignInThrottledException(BUSY_RETRY_MILLIS);
            }
            try {
                return slowCheck.getAsBoolean();
            } finally {
                running.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInThrottledException(BUSY_RETRY_MILLIS);
        } finally {
            entrants.decrementAndGet();
        }
    }

    /** Sign-ins running a check or waiting for one (not those sharing another's): for tests. */
    int entrants() {
        return entrants.get();
    }

    /** Sign-ins waiting for the result of the check running under this key: for tests. */
    int sharing(String sameCheck) {
        CompletableFuture<Boolean> running = inFlight.get(sameCheck);
        return running == null ? 0 : running.getNumberOfDependents();
    }

    /** Waits for a check another sign-in started: at most its wait for a permit plus a generous time to run. */
    private boolean resultOf(CompletableFuture<Boolean> running) {
        try {
            return running.get(maxWaitNanos + TimeUnit.SECONDS.toNanos(30), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("password check failed", e.getCause());
        } catch (TimeoutException e) {
            throw new SignInThrottledException(BUSY_RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInThrottledException(BUSY_RETRY_MILLIS);
        }
    }
}
