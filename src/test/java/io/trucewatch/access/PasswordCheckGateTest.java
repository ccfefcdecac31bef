package io.trucewatch.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link PasswordCheckGate}: few slow checks at once, a short bounded queue, and identical sign-ins sharing one check. */
class PasswordCheckGateTest {

    private final ExecutorService callers = Executors.newFixedThreadPool(16);
    private final CountDownLatch checkStarted = new CountDownLatch(1);
    private final CountDownLatch finishCheck = new CountDownLatch(1);

    @AfterEach
    void stop() {
        finishCheck.countDown();
        callers.shutdownNow();
    }

    /** A password check that runs until the test lets it finish. */
    private BooleanSupplier heldCheck(boolean result) {
        return () -> {
            checkStarted.countDown();
            await(finishCheck);
            return result;
        };
    }

    @Test
    void sign_ins_with_the_same_name_and_password_at_once_share_one_check() throws Exception {
        PasswordCheckGate gate = new PasswordCheckGate(1, 0, Duration.ofSeconds(5));
        AtomicInteger checksRun = new AtomicInteger();
        BooleanSupplier check = heldCheck(true);
        Future<Boolean> first = callers.submit(() -> gate.check("mona:fingerprint", () -> {
            checksRun.incrementAndGet();
            return check.getAsBoolean();
        }));
        assertTrue(checkStarted.await(5, TimeUnit.SECONDS));
        List<Future<Boolean>> others = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            others.add(callers.submit(() -> gate.check("mona:fingerprint", () -> {
                checksRun.incrementAndGet();
                return true;
            })));
        }
        // Not one of them is refused, though no check may wait: they do not need a check of their own.
        awaitUntil(() -> gate.sharing("mona:fingerprint") == 11);
        finishCheck.countDown();
        assertTrue(first.get(5, TimeUnit.SECONDS));
        for (Future<Boolean> other : others) {
            assertTrue(other.get(5, TimeUnit.SECONDS));
        }
        assertEquals(1, checksRun.get(), "one check for twelve sign-ins");
    }

    @Test
    void a_wrong_password_shared_is_wrong_for_everyone_sharing_it() throws Exception {
        PasswordCheckGate gate = new PasswordCheckGate(1, 0, Duration.ofSeconds(5));
        Future<Boolean> first = callers.submit(() -> gate.check("vic:guess", heldCheck(false)));
        assertTrue(checkStarted.await(5, TimeUnit.SECONDS));
        Future<Boolean> second = callers.submit(() -> gate.check("vic:guess", () -> true));
        awaitUntil(() -> gate.sharing("vic:guess") == 1);
        finishCheck.countDown();
        assertEquals(false, first.get(5, TimeUnit.SECONDS));
        assertEquals(false, second.get(5, TimeUnit.SECONDS));
    }

    @Test
    void when_every_check_is_taken_and_none_may_wait_another_sign_in_is_refused_at_once() throws Exception {
        PasswordCheckGate gate = new PasswordCheckGate(1, 0, Duration.ofSeconds(5));
        Future<Boolean> running = callers.submit(() -> gate.check("vic:one", heldCheck(true)));
        assertTrue(checkStarted.await(5, TimeUnit.SECONDS));
        long start = System.nanoTime();
        SignInThrottledException refused = assertThrows(SignInThrottledException.class,
                () -> gate.check("vic:another", () -> true));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1), "refused without waiting its 5 s");
        assertEquals(1, refused.retryAfterSeconds());
        finishCheck.countDown();
        assertTrue(running.get(5, TimeUnit.SECONDS));
        assertTrue(gate.check("vic:another", () -> true), "free again once the check is done");
    }

    @Test
    void a_sign_in_waits_its_turn_while_there_is_room_to_wait_and_the_next_is_refused() throws Exception {
        PasswordCheckGate gate = new PasswordCheckGate(1, 1, Duration.ofSeconds(5));
        Future<Boolean> running = callers.submit(() -> gate.check("a:1", heldCheck(true)));
        assertTrue(checkStarted.await(5, TimeUnit.SECONDS));
        Future<Boolean> waiting = callers.submit(() -> gate.check("b:2", () -> true));
        awaitUntil(() -> gate.entrants() == 2);
        assertThrows(SignInThrottledException.class, () -> gate.check("c:3", () -> true), "no room left to wait");
        finishCheck.countDown();
        assertTrue(running.get(5, TimeUnit.SECONDS));
        assertTrue(waiting.get(5, TimeUnit.SECONDS), "the waiting sign-in got its turn");
        assertEquals(0, gate.entrants());
    }

    @Test
    void a_sign_in_that_waits_out_its_time_is_refused() throws Exception {
        PasswordCheckGate gate = new PasswordCheckGate(1, 1, Duration.ofMillis(100));
        callers.submit(() -> gate.check("a:1", heldCheck(true)));
        assertTrue(checkStarted.await(5, TimeUnit.SECONDS));
        long start = System.nanoTime();
        assertThrows(SignInThrottledException.class, () -> gate.check("b:2", () -> true));
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waitedMillis >= 90 && waitedMillis < 2000, "waited " + waitedMillis + " ms");
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not reached within 5 s");
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
