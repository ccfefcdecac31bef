package io.trucewatch.access;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The counting rules of {@link SignInThrottle} and {@link FailureLedger}, on a clock the test moves:
 * 5 failures per user and address, 20 per address, within 15 minutes; cool-downs from 30 s to 5 min.
 */
class SignInThrottleTest {

    private static final String HERE = "198.51.100.1";
    private static final String ELSEWHERE = "203.0.113.1";
    /** Between two attempts, about one password check. */
    private static final long CHECK_MILLIS = 300;

    private long now = 1_000_000;
    private final SignInThrottle throttle = new SignInThrottle(ledger(5, 1000), ledger(20, 1000), () -> now);

    private static FailureLedger ledger(int limit, int maxTracked) {
        return new FailureLedger(limit, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(5), maxTracked);
    }

    @Test
    void the_fifth_wrong_password_from_one_address_makes_that_user_wait_there_and_nowhere_else() {
        failTimes("vic", HERE, 4);
        assertDoesNotThrow(() -> throttle.checkAllowed("vic", HERE), "four failures: may still try");
        failTimes("vic", HERE, 1);
        assertEquals(30, refusal("vic", HERE).retryAfterSeconds());
        assertDoesNotThrow(() -> throttle.checkAllowed("vic", ELSEWHERE), "the same user from elsewhere");
        assertDoesNotThrow(() -> throttle.checkAllowed("mona", HERE), "another user from the same address");
    }

    @Test
    void someone_who_keeps_guessing_waits_longer_each_time_and_gets_no_more_than_the_window_allows() {
        List<Long> waits = new ArrayList<>();
        int guesses = 0;
        long end = now + Duration.ofHours(2).toMillis();
        while (now < end) {
            try {
                throttle.checkAllowed("vic", HERE);
                throttle.failed("vic", HERE);
                guesses++;
                now += CHECK_MILLIS;
            } catch (SignInThrottledException refused) {
                waits.add(refused.retryAfterSeconds());
                now += refused.retryAfterSeconds() * 1000;
            }
        }
        assertEquals(List.of(30L, 60L, 120L, 240L, 300L), waits.subList(0, 5), "each wait twice the last, to 5 min");
        assertTrue(waits.stream().allMatch(wait -> wait <= 300), waits::toString);
        // 5 at once, then about 5 per 15 minutes: some 45 in two hours (a guess right after a wait can
        // add a little), where two hours of back-to-back checks would be some 24 000.
        assertTrue(guesses >= 40 && guesses <= 50, guesses + " guesses");
    }

    @Test
    void failures_spread_out_at_the_allowed_rate_never_trip_the_limit() {
        // 5 per 15 minutes is one every 3 minutes; a little slower than that, for an hour.
        for (int i = 0; i < 20; i++) {
            assertDoesNotThrow(() -> throttle.checkAllowed("vic", HERE));
            throttle.failed("vic", HERE);
            now += Duration.ofMinutes(3).plusSeconds(1).toMillis();
        }
    }

    @Test
    void a_right_password_forgives_that_users_failures_there_but_not_the_addresss() {
        failTimes("vic", HERE, 4);
        throttle.succeeded("vic", HERE);
        failTimes("vic", HERE, 4);
        assertDoesNotThrow(() -> throttle.checkAllowed("vic", HERE), "eight failures, but four since the right password");
        // The address still counts all eight: a valid account must not reset the count for trying others.
        for (int i = 0; i < 12; i++) {
            failTimes("name-" + i, HERE, 1);
        }
        assertEquals(30, refusal("mona", HERE).retryAfterSeconds(), "the twentieth failure from there");
        assertDoesNotThrow(() -> throttle.checkAllowed("mona", ELSEWHERE));
    }

    @Test
    void a_quiet_window_forgives_everything_and_the_cool_down_starts_over() {
        failTimes("vic", HERE, 5);
        refusal("vic", HERE);
        now += Duration.ofMinutes(16).toMillis();
        assertDoesNotThrow(() -> throttle.checkAllowed("vic", HERE));
        failTimes("vic", HERE, 5);
        assertEquals(30, refusal("vic", HERE).retryAfterSeconds(), "30 s again, not 60 s");
    }

    @Test
    void without_a_client_address_nothing_is_counted_rather_than_everyone_sharing_one_count() {
        failTimes("vic", null, 50);
        assertDoesNotThrow(() -> throttle.checkAllowed("vic", null));
    }

    @Test
    void memory_stays_bounded_whatever_names_and_addresses_an_attacker_makes_up() {
        FailureLedger ledger = ledger(5, 100);
        for (int i = 0; i < 10_000; i++) {
            ledger.failed("key-" + i, now);
        }
        assertEquals(100, ledger.size());
        String hugeName = "x".repeat(100_000);
        assertTrue(SignInThrottle.pairKey(hugeName, HERE).length() < 100, "a long name is kept as a digest");
        assertNotEquals(SignInThrottle.pairKey(hugeName, HERE), SignInThrottle.pairKey(hugeName + "y", HERE));
        assertTrue(ClientAddress.normalise("h".repeat(100_000)).length() < 100);
    }

    @Test
    void drained_keys_are_dropped_as_new_failures_come_in() {
        FailureLedger ledger = ledger(5, 1000);
        for (int i = 0; i < 50; i++) {
            ledger.failed("old-" + i, now);
        }
        now += Duration.ofMinutes(16).toMillis();
        for (int i = 0; i < 10; i++) {
            ledger.failed("new-" + i, now);
        }
        assertEquals(10, ledger.size());
    }

    @Test
    void ipv6_clients_count_per_slash_64_and_ipv4_counts_however_it_is_written() {
        assertEquals("2001:db8:1:2::/64", ClientAddress.normalise("2001:db8:1:2::1"));
        assertEquals(ClientAddress.normalise("2001:db8:1:2::1"), ClientAddress.normalise("2001:db8:1:2:ffff:ffff:ffff:fffe"));
        assertNotEquals(ClientAddress.normalise("2001:db8:1:2::1"), ClientAddress.normalise("2001:db8:1:3::1"));
        assertEquals("192.0.2.7", ClientAddress.normalise("::ffff:192.0.2.7"));
        assertEquals("192.0.2.7", ClientAddress.normalise("192.0.2.7"));
        // Not an address (a proxy may forward "unknown"): kept as text, never looked up in DNS.
        assertEquals("host unknown", ClientAddress.normalise("unknown"));
    }

    @Test
    void the_wait_is_told_in_whole_seconds_rounded_up() {
        assertEquals(1, new SignInThrottledException(1).retryAfterSeconds());
        assertEquals(2, new SignInThrottledException(1001).retryAfterSeconds());
        assertEquals(1, new SignInThrottledException(0).retryAfterSeconds());
        assertNull(new SignInThrottledException(1).getCause());
    }

    private void failTimes(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.checkAllowed(user, address);
            throttle.failed(user, address);
            now += CHECK_MILLIS;
        }
    }

    private SignInThrottledException refusal(String user, String address) {
        return assertThrows(SignInThrottledException.class, () -> throttle.checkAllowed(user, address));
    }
}
