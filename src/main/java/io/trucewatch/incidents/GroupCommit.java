package io.trucewatch.incidents;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Group commit for new reports. Callers hand over the work of storing one report; a single writer
 * thread runs whatever work is waiting (up to {@link #MAX_BATCH}) in one transaction and answers
 * every caller once it has committed. Nothing is answered before it is durable, and the audit
 * chain is appended by one thread in one order.
 *
 * <p>Why: H2 writes a new version of every page a transaction touched at each commit (the
 * tables, their indexes, the audit head), so a commit per report made commits the largest cost of
 * taking a report in; under a burst, one commit now carries many reports. When reports arrive one
 * at a time the batch is a single report and nothing waits.
 *
 * <p>A batch is all or nothing, so if it fails (a duplicate external_id racing in, say) its work is
 * run again one transaction each: the failure stays with the report that caused it. Work must
 * therefore touch nothing but the database.
 */
@ApplicationScoped
public class GroupCommit {

    static final int MAX_BATCH = 64;
    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    private record Work<T>(Supplier<T> task, CompletableFuture<T> result) {

        void run() {
            try {
                result.complete(QuarkusTransaction.requiringNew().call(task::get));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }

        @SuppressWarnings("unchecked")
        void complete(Object value) {
            result.complete((T) value);
        }
    }

    @Inject
    MeterRegistry metrics;

    private final BlockingQueue<Work<?>> waiting = new LinkedBlockingQueue<>();
    private final Thread writer = new Thread(this::writeLoop, "group-commit");
    private volatile boolean running = true;
    private DistributionSummary batchSizes;
    private Timer commits;

    @PostConstruct
    void start() {
        batchSizes = DistributionSummary.builder("trucewatch.group.commit.reports")
                .description("reports stored per commit").register(metrics);
        commits = Timer.builder("trucewatch.group.commit.duration")
                .description("time to store and commit one batch of reports").register(metrics);
        writer.setDaemon(true);
        writer.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        // Work already handed over is finished before the database goes away.
        running = false;
        writer.join(TimeUnit.SECONDS.toMillis(10));
    }

    /** Runs {@code task} in a transaction it may share with other callers' work; returns after commit. */
    public <T> T inTransaction(Supplier<T> task) {
        Work<T> work = new Work<>(task, new CompletableFuture<>());
        if (!running || Thread.currentThread() == writer) {
            work.run();
        } else {
            waiting.add(work);
        }
        try {
            return awaitCommitted(work);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Not interruptible: once handed over, the work may commit, and its caller must hear so. */
    private <T> T awaitCommitted(Work<T> work) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return work.result().get(1, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    // Handed over just as the writer stopped (shutdown): nobody else will run it.
                    if (!writer.isAlive() && waiting.remove(work)) {
                        work.run();
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void writeLoop() {
        List<Work<?>> batch = new ArrayList<>(MAX_BATCH);
        while (running || !waiting.isEmpty()) {
            try {
                Work<?> first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        // Interrupted: whoever is still waiting is answered, in its own transaction.
        Work<?> left;
        while ((left = waiting.poll()) != null) {
            left.run();
        }
    }

    private void write(List<Work<?>> batch) {
        batchSizes.record(batch.size());
        commits.record(() -> writeBatch(batch));
    }

    private void writeBatch(List<Work<?>> batch) {
        if (batch.size() == 1) {
            batch.get(0).run();
            return;
        }
        List<Object> results;
        try {
            results = QuarkusTransaction.requiringNew().call(() -> {
                List<Object> done = new ArrayList<>(batch.size());
                for (Work<?> work : batch) {
                    done.add(work.task().get());
                }
                return done;
            });
        } catch (Throwable e) {
            LOG.debugf(e, "a batch of %d failed; each is stored on its own", batch.size());
            batch.forEach(Work::run);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).complete(results.get(i));
        }
    }
}
