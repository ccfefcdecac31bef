package io.trucewatch.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The plausible ranges, at their edges and at the limits of java.time. */
class DateRangesTest {

    private static final Instant NOW = Instant.parse("2024-03-10T22:00:00Z");

    @Test
    void event_days_run_from_1990_to_tomorrow() {
        assertFalse(DateRanges.eventDay(LocalDate.of(1990, 1, 1), NOW).isPresent());
        assertFalse(DateRanges.eventDay(LocalDate.of(2024, 3, 11), NOW).isPresent(), "tomorrow: east of UTC");
        assertTrue(DateRanges.eventDay(LocalDate.of(1989, 12, 31), NOW).isPresent());
        assertTrue(DateRanges.eventDay(LocalDate.of(2024, 3, 12), NOW).isPresent());
        for (LocalDate extreme : new LocalDate[] {LocalDate.MIN, LocalDate.MAX, LocalDate.of(0, 1, 1),
                LocalDate.of(9999, 12, 31)}) {
            String message = DateRanges.eventDay(extreme, NOW).orElseThrow();
            assertTrue(message.contains("1990-01-01") && message.contains("2024-03-11"), message);
        }
    }

    @Test
    void event_times_run_from_1990_to_a_day_after_now_even_at_the_limits_of_java_time() {
        assertFalse(DateRanges.eventTime(OffsetDateTime.parse("2024-03-11T21:59:00Z"), NOW).isPresent());
        assertFalse(DateRanges.eventTime(OffsetDateTime.parse("1990-01-01T02:00:00+02:00"), NOW).isPresent());
        assertTrue(DateRanges.eventTime(OffsetDateTime.parse("2024-03-11T22:00:01Z"), NOW).isPresent());
        assertTrue(DateRanges.eventTime(OffsetDateTime.parse("1989-12-31T23:59:59Z"), NOW).isPresent());
        for (String extreme : new String[] {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                "+999999999-12-31T23:59:59.999999999-18:00", "-999999999-01-01T00:00:00+18:00"}) {
            assertTrue(DateRanges.eventTime(OffsetDateTime.parse(extreme), NOW).isPresent(), extreme);
        }
    }

    @Test
    void query_days_run_from_1900_to_2200() {
        assertFalse(DateRanges.queryDay(LocalDate.of(1900, 1, 1)).isPresent());
        assertFalse(DateRanges.queryDay(LocalDate.of(2200, 12, 31)).isPresent());
        assertTrue(DateRanges.queryDay(LocalDate.of(1899, 12, 31)).isPresent());
        assertTrue(DateRanges.queryDay(LocalDate.of(2201, 1, 1)).isPresent());
        assertTrue(DateRanges.queryDay(LocalDate.MAX).isPresent());
        assertTrue(DateRanges.queryDay(LocalDate.MIN).isPresent());
    }
}
