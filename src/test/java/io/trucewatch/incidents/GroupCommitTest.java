package io.trucewatch.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.trucewatch.audit.AuditEntry;
import io.trucewatch.audit.Ledger;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Work waiting while a commit is under way goes into the next commit together; a batch in which
 * one piece of work fails is stored one by one, so only that piece fails and nothing else is lost.
 */
@QuarkusTest
class GroupCommitTest {

    private static final int WAITING = 20;
    private static final int FAILING = 7;

    @Inject
    GroupCommit groupCommit;

    @Inject
    Ledger ledger;

    @Inject
    MeterRegistry metrics;

    @Test
    void waitingWorkSharesACommitAndAFailureStaysWithItsOwner() throws Exception {
        String run = "gc-" + UUID.randomUUID().toString().substring(0, 8);
        double batchesBefore = metrics.summary("trucewatch.group.commit.reports").count();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(WAITING + 1);
        try {
            // The first caller's work holds the writer until every other caller is waiting.
            Future<Long> first = callers.submit(() -> groupCommit.inTransaction(() -> {
                holding.countDown();
                await(release);
                return ledger.record("GROUP_COMMIT_TEST", run + "-first", "test", Map.of()).seq;
            }));
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            List<Future<Long>> others = new ArrayList<>();
            for (int i = 0; i < WAITING; i++) {
                int n = i;
                others.add(callers.submit(() -> groupCommit.inTransaction(() -> {
                    long seq = ledger.record("GROUP_COMMIT_TEST", run + "-" + n, "test", Map.of()).seq;
                    if (n == FAILING) {
                        throw new IllegalStateException("work " + n + " fails");
                    }
                    return seq;
                })));
            }
            Thread.sleep(300);
            release.countDown();

            first.get(10, TimeUnit.SECONDS);
            for (int i = 0; i < WAITING; i++) {
                if (i == FAILING) {
                    Throwable failure = null;
                    try {
                        others.get(i).get(10, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException e) {
                        failure = e.getCause();
                    }
                    assertInstanceOf(IllegalStateException.class, failure, "the failing work gets its own exception");
                } else {
                    others.get(i).get(10, TimeUnit.SECONDS);
                }
            }
        } finally {
            callers.shutdownNow();
        }

        long stored = QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("incidentId like ?1", run + "%"));
        assertEquals(WAITING, stored, "the first and every other but the failing one are stored");
        long failed = QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("incidentId", run + "-" + FAILING));
        assertEquals(0, failed, "the failing work left nothing");
        // One commit for the first, then one batch for the twenty that waited (21 if each had its own).
        double batches = metrics.summary("trucewatch.group.commit.reports").count() - batchesBefore;
        assertTrue(batches <= 3, "the waiting work was taken together: " + batches + " batches");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
