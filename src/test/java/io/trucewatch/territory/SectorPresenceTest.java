package io.trucewatch.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule M3: an actor reported in a named sector makes the sector's ground of the named holders mixed, for the span only. */
class SectorPresenceTest {

    private static final LocalDate APR_28 = LocalDate.of(2016, 4, 28);
    private static final LocalDate OCT_1 = LocalDate.of(2016, 10, 1);

    private static ControlPoint point(String id, ControlFile.Period... control) {
        return new ControlPoint(id, id, List.of(), "Rural Damascus", null, 33.5, 36.4, "test", List.of(control), null);
    }

    private static ControlFile.Period held(String by, LocalDate from, LocalDate to) {
        return new ControlFile.Period(by, null, from, to, "holder source", null);
    }

    private static SectorPresence middleSector(List<String> settlements, List<String> absent) {
        return new SectorPresence("middle-sector", "Eastern Ghouta, middle sector", "jabhat-al-nusra",
                List.of("faylaq-al-rahman"), APR_28, OCT_1, settlements, absent, "sector source", "membership source", null);
    }

    private static ControlPoint only(List<ControlPoint> points) {
        assertEquals(1, points.size());
        return points.get(0);
    }

    @Test
    void theNamedHoldersGroundIsMixedForTheSpanAndItsOwnBeforeAndAfter() {
        ControlPoint arbin = point("arbin", held("faylaq-al-rahman", LocalDate.of(2013, 1, 1), null));
        List<ControlFile.Period> control = only(SectorPresence.overlay(List.of(arbin),
                List.of(middleSector(List.of("arbin"), List.of())))).control();
        assertEquals(3, control.size(), control.toString());
        assertEquals(List.of(), control.get(0).alongside());
        assertEquals(APR_28, control.get(0).to());
        assertEquals(List.of("jabhat-al-nusra"), control.get(1).alongside());
        assertEquals(APR_28, control.get(1).from());
        assertEquals(OCT_1, control.get(1).to());
        assertTrue(control.get(1).source().contains("reported in the sector 'Eastern Ghouta, middle sector', not named in this settlement"),
                control.get(1).source());
        assertTrue(control.get(1).source().contains("holder source"), "the holder's own source stays");
        assertEquals(List.of(), control.get(2).alongside());
        assertEquals(OCT_1, control.get(2).from());
        assertEquals(null, control.get(2).to());
    }

    @Test
    void aPeriodInsideTheSpanIsMixedWholeAndOneOutsideItIsUntouched() {
        ControlPoint inside = point("inside", held("faylaq-al-rahman", LocalDate.of(2016, 5, 1), LocalDate.of(2016, 6, 1)),
                held("syrian-government-forces", LocalDate.of(2016, 6, 1), null));
        ControlPoint before = point("before", held("faylaq-al-rahman", LocalDate.of(2015, 1, 1), APR_28));
        List<ControlPoint> result = SectorPresence.overlay(List.of(inside, before),
                List.of(middleSector(List.of("inside", "before"), List.of())));
        assertEquals(2, result.get(0).control().size());
        assertEquals(List.of("jabhat-al-nusra"), result.get(0).control().get(0).alongside());
        assertEquals(List.of(), result.get(0).control().get(1).alongside(), "the government's ground is not the sector's holders'");
        assertEquals(before, result.get(1), "a holding that ended before the span is as it was");
    }

    @Test
    void otherHoldersPointsOutsideTheSectorAndAbsencesAreUntouched() {
        ControlPoint douma = point("douma", held("jaish-al-islam", LocalDate.of(2013, 1, 1), null));
        ControlPoint zamalka = point("zamalka", held("faylaq-al-rahman", LocalDate.of(2013, 1, 1), null));
        ControlPoint hamouriya = point("hamouriya", held("faylaq-al-rahman", LocalDate.of(2013, 1, 1), null));
        List<ControlPoint> result = SectorPresence.overlay(List.of(douma, zamalka, hamouriya),
                List.of(middleSector(List.of("douma", "zamalka"), List.of("zamalka"))));
        assertEquals(List.of(douma, zamalka, hamouriya), result,
                "Douma's holder is not named, a source places the actor away from Zamalka, Hamouriya is not in the sector");
    }

    @Test
    void aHoldingAlreadyMixedWithTheActorIsNotSplit() {
        ControlPoint jobar = point("jobar", new ControlFile.Period("faylaq-al-rahman", List.of("jabhat-al-nusra"),
                LocalDate.of(2013, 1, 1), null, "settlement-level source", null));
        assertEquals(jobar, only(SectorPresence.overlay(List.of(jobar), List.of(middleSector(List.of("jobar"), List.of())))),
                "the settlement's own source says more than the sector's");
    }
}
