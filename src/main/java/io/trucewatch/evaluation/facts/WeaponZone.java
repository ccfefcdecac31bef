package io.trucewatch.evaluation.facts;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A withdrawal zone of the truce (config: {@code withdrawal_zones}): which weapons, how far from
 * which line for each side, and by when. The rules decide what a sighting inside it means.
 *
 * @param completeByEarliest the earliest deadline the sources give; equal to {@code completeBy}
 *                           when they agree
 */
public record WeaponZone(String id, String clause, String title, Set<String> weaponClasses, Integer minCalibreMm,
        Integer maxCalibreMm, double distanceKm, Map<String, String> fromLines, Instant completeBy,
        Instant completeByEarliest) {

    public WeaponZone {
        weaponClasses = Set.copyOf(weaponClasses);
        fromLines = Map.copyOf(fromLines);
    }

    /** Whether the report's weapon is of a class this zone names, within its calibre bounds. */
    public boolean covers(Report report) {
        if (!namesClassOf(report)) {
            return false;
        }
        Integer calibre = report.weaponCalibreMm();
        if (minCalibreMm != null && (calibre == null || calibre < minCalibreMm)) {
            return false;
        }
        return maxCalibreMm == null || (calibre != null && calibre <= maxCalibreMm);
    }

    /** Whether the report's weapon has a class this zone names, whatever its calibre. */
    public boolean namesClassOf(Report report) {
        return report.weaponClasses().stream().anyMatch(weaponClasses::contains);
    }

    /** Whether the zone depends on calibre, so that a weapon of unknown calibre cannot be judged. */
    public boolean boundsCalibre() {
        return minCalibreMm != null || maxCalibreMm != null;
    }

    /** Where the withdrawal stood when the act may have happened: due, disputed, or still under way. */
    public WithdrawalPhase phaseAt(Occurrence act) {
        if (!act.earliest().isBefore(completeBy)) {
            return WithdrawalPhase.DUE;
        }
        if (act.latest().isBefore(completeByEarliest)) {
            return WithdrawalPhase.UNDER_WAY;
        }
        return WithdrawalPhase.DEADLINE_DISPUTED;
    }

    /** The reference line a side withdraws from, or null if the zone does not bind that side. */
    public String lineFor(String side) {
        return side == null ? null : fromLines.get(side);
    }
}
