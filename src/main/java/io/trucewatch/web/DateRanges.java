package io.trucewatch.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The dates the API accepts, stated in one place (the README's input limits point here). A date
 * outside its range is a 400 naming the field and the range, whatever java.time could represent:
 * years such as +999999999 parse, but break every computation and database column after them.
 *
 * <ul>
 * <li>Event dates of a report ({@code event_date}, {@code occurred_at}): from {@link #FIRST_EVENT_DAY}
 * to now + {@link #EVENT_LEEWAY}. A report describes something that has happened; the day of
 * leeway covers local dates east of UTC (up to UTC+14) and clocks a little ahead.</li>
 * <li>Dates in query parameters ({@code from}, {@code to}): {@link #FIRST_QUERY_DAY} to
 * {@link #LAST_QUERY_DAY}. Wide, since a search window may well extend past any report, yet
 * bounded, so that no query reaches the database with a date it cannot store.</li>
 * </ul>
 */
public final class DateRanges {

    /**
     * The earliest event a report may describe: before the systematic event records this service
     * reads (ACLED from 1997; UCDP's event data from 1989) and before any truce it judges.
     */
    public static final LocalDate FIRST_EVENT_DAY = LocalDate.of(1990, 1, 1);

    /** How far past the service's clock an event may lie. */
    public static final Duration EVENT_LEEWAY = Duration.ofDays(1);

    public static final LocalDate FIRST_QUERY_DAY = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_QUERY_DAY = LocalDate.of(2200, 12, 31);

    private static final OffsetDateTime FIRST_EVENT_INSTANT = FIRST_EVENT_DAY.atStartOfDay().atOffset(ZoneOffset.UTC);

    private DateRanges() {
    }

    /** Why {@code day} cannot be the day of an event reported at {@code now}; empty when it can. */
    public static Optional<String> eventDay(LocalDate day, Instant now) {
        LocalDate last = lastEventDay(now);
        if (day.isBefore(FIRST_EVENT_DAY) || day.isAfter(last)) {
            return Optional.of("'" + day + "' is outside " + FIRST_EVENT_DAY + " to " + last
                    + " (tomorrow, UTC): a report describes an event that has happened, from "
                    + FIRST_EVENT_DAY.getYear() + " on");
        }
        return Optional.empty();
    }

    /** Why {@code at} cannot be the time of an event reported at {@code now}; empty when it can. */
    public static Optional<String> eventTime(OffsetDateTime at, Instant now) {
        OffsetDateTime last = now.plus(EVENT_LEEWAY).truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC);
        // Compared as offset date-times: turning an extreme value into an Instant first could overflow.
        if (at.isBefore(FIRST_EVENT_INSTANT) || at.isAfter(last)) {
            return Optional.of("'" + at + "' is outside " + FIRST_EVENT_INSTANT.toInstant() + " to "
                    + last.toInstant() + " (now + 1 day): a report describes an event that has happened, from "
                    + FIRST_EVENT_DAY.getYear() + " on");
        }
        return Optional.empty();
    }

    /** Why {@code day} cannot be a date in a query; empty when it can. */
    public static Optional<String> queryDay(LocalDate day) {
        if (day.isBefore(FIRST_QUERY_DAY) || day.isAfter(LAST_QUERY_DAY)) {
            return Optional.of("'" + day + "' is outside " + FIRST_QUERY_DAY + " to " + LAST_QUERY_DAY);
        }
        return Optional.empty();
    }

    static LocalDate lastEventDay(Instant now) {
        return now.plus(EVENT_LEEWAY).atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
