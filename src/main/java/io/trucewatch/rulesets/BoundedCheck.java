package io.trucewatch.rulesets;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Compiling and checking a ruleset under a time limit, on a thread of its own, so that whoever
 * asked — a request, the file watcher, the start — always gets an answer: the result, the
 * candidate's errors, or "did not finish in time". A candidate cannot run code of its own
 * ({@link io.trucewatch.rulesets.safety.RuleSafety}) and its rules' firings are bounded (Evaluator),
 * so what is left to bound here is time spent in Drools itself (a huge file, a join over many
 * facts). A check that runs out of memory or stack is the candidate's error, not the service's.
 */
final class BoundedCheck {

    private BoundedCheck() {
    }

    static <T> T within(Duration limit, String what, Supplier<T> work) {
        FutureTask<T> task = new FutureTask<>(work::get);
        // A thread of its own, deliberately not a managed executor's: a check that runs out of time
        // is abandoned, not stopped (Drools does not answer interrupts), and keeps its thread until it
        // ends, if ever. On Quarkus's worker pool every such check would take a thread that serves
        // requests for good; on a one-worker executor one stuck check would hold up every later one.
        // A fresh daemon thread per check (a check is seconds of work, and rare) confines a runaway
        // compile to itself and never keeps the JVM from exiting.
        Thread thread = new Thread(task, "ruleset-check");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new RulesetException("(ruleset)", 0, 0, what + " did not finish within " + limit.toSeconds()
                    + " s and was abandoned (trucewatch.rules.check-timeout)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            throw new RulesetException("(ruleset)", 0, 0, what + " was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof StackOverflowError || cause instanceof OutOfMemoryError) {
                throw new RulesetException("(ruleset)", 0, 0, what + " ran out of "
                        + (cause instanceof StackOverflowError ? "stack" : "memory") + " and was abandoned");
            }
            throw new IllegalStateException(what + " failed", cause);
        }
    }
}
