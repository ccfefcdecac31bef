package io.trucewatch.corroboration;

import io.trucewatch.territory.Geodesy;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Objects;

/**
 * When two reports are taken to describe one event, as monitors deduplicate (ACLED counts an
 * event once however many sources report it; the OSCE SMM merges its teams' observations of one
 * incident). All of:
 * <ul>
 * <li>the same country and the same ACLED event type;</li>
 * <li>event days at most {@link #MAX_DAYS} apart (one source dates the event, another its report);
 * when both reports give the time, at most {@link #MAX_HOURS} hours apart;</li>
 * <li>on different days, no source in common: a source dates its own reports one way, so the same
 * source on two days is two events;</li>
 * <li>the same place: with coordinates on both, at most {@link #MAX_KM} km apart (ACLED's
 * geo-precision 2 is "near" the named place); else the same location name in the same admin1;</li>
 * <li>compatible actors: actor1 resolved to the same actor, or one of them unidentified or
 * unresolved (an unnamed attacker does not contradict a named one).</li>
 * </ul>
 */
public final class SameEvent {

    public static final int MAX_DAYS = 1;
    public static final double MAX_KM = 10.0;
    public static final int MAX_HOURS = 6;

    private SameEvent() {
    }

    public static boolean same(LinkableReport a, LinkableReport b) {
        return Objects.equals(a.country(), b.country()) && Objects.equals(a.eventType(), b.eventType())
                && sameTime(a, b) && samePlace(a, b) && compatibleActors(a, b);
    }

    static boolean sameTime(LinkableReport a, LinkableReport b) {
        if (a.at() != null && b.at() != null) {
            return Duration.between(a.at(), b.at()).abs().compareTo(Duration.ofHours(MAX_HOURS)) <= 0;
        }
        long days = Math.abs(ChronoUnit.DAYS.between(a.day(), b.day()));
        return days == 0 || days <= MAX_DAYS && Collections.disjoint(a.sources(), b.sources());
    }

    static boolean samePlace(LinkableReport a, LinkableReport b) {
        if (a.latitude() != null && b.latitude() != null) {
            return Geodesy.haversineKm(a.latitude(), a.longitude(), b.latitude(), b.longitude()) <= MAX_KM;
        }
        return a.place() != null && a.place().equals(b.place()) && a.admin1() != null
                && a.admin1().equalsIgnoreCase(b.admin1());
    }

    static boolean compatibleActors(LinkableReport a, LinkableReport b) {
        return a.unattributed() || b.unattributed() || Objects.equals(a.actor1(), b.actor1());
    }
}
