package io.trucewatch.incidents;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.trucewatch.background.BackgroundWork;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Group commit for new reports. Callers hand over the work of storing one report; a single writer
 * (the one worker of a managed executor, held by the write loop) runs whatever work is waiting (up to {@link #MAX_BATCH}) in one transaction and answers
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
    /** The thread the write loop runs on, while it runs: its own calls are not handed to itself. */
    private volatile Thread writer;
    /** Counted down once the write loop has ended: whatever is handed over after that, its caller runs. */
    private final CountDownLatch writerEnded = new CountDownLatch(1);
    /** One worker, so exactly one writer; the write loop holds it for as long as the service runs. */
    private ManagedExecutor writers;
    private volatile boolean running = true;
    private DistributionSummary batchSizes;
    private Timer commits;

    @PostConstruct
    void start() {
        batchSizes = DistributionSummary.builder("trucewatch.group.commit.reports")
                .description("reports stored per commit").register(metrics);
        commits = Timer.builder("trucewatch.group.commit.duration")
                .description("time to store and commit one batch of reports").register(metrics);
        writers = BackgroundWork.dedicatedWorkers(1);
        writers.execute(this::writeLoop);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        // Work already handed over is finished before the database goes away. Asked to stop, not
        // interrupted: work cut off mid-commit would fail instead of being stored.
        running = false;
        writerEnded.await(10, TimeUnit.SECONDS);
        writers.shutdown();
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
                    if (writerEnded.getCount() == 0 && waiting.remove(work)) {
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
        writer = Thread.currentThread();
        try {
            writeUntilStopped();
        } finally {
            // The pool's thread goes back to other work, whose calls must be handed over as anyone's.
            writer = null;
            writerEnded.countDown();
        }
    }

    private void writeUntilStopped() {
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
