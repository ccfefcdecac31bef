package io.trucewatch.truces;

import io.trucewatch.territory.MapLayers;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;

/**
 * A truce's reference lines as map features, each with the withdrawal zones measured from it: a zone
 * belongs on the map beside the line it is drawn from, with its distance per weapon class and where
 * it stood on the day shown.
 */
final class TruceMapLines {

    /** Where a zone stood on a day, by the dates of the terms. */
    enum ZoneStatus {
        /** Before the earliest deadline any source gives: the weapons may still be pulling back. */
        NOT_YET_DUE,
        /** Between the earliest and the latest deadline the sources give: a sighting needs review. */
        DEADLINE_DISPUTED,
        /** Past the deadline: weapons of this class inside the zone are in breach. */
        IN_FORCE,
        /** A later agreement took the class over: the zone judges nothing from then on. */
        SUPERSEDED
    }

    /**
     * A withdrawal zone as a line's feature lists it.
     *
     * @param sides the sides that measure this zone from the line
     */
    record Zone(String id, String title, String clause, List<String> weaponClasses, Integer minCalibreMm,
            Integer maxCalibreMm, Double distanceKm, List<String> sides, LocalDateTime completeByEarliest,
            LocalDateTime completeBy, LocalDateTime supersededFrom, ZoneStatus status) {
    }

    private TruceMapLines() {
    }

    static List<MapLayers.Line> of(Truce truce, LocalDate day) {
        List<MapLayers.Line> lines = new ArrayList<>();
        for (TruceTerms.ReferenceLine line : truce.terms().referenceLines()) {
            Geometry geometry = truce.lines().get(line.id());
            if (geometry == null) {
                continue;
            }
            List<Zone> zones = zonesFrom(truce.terms(), line.id(), day);
            TreeSet<String> sides = new TreeSet<>();
            zones.forEach(z -> sides.addAll(z.sides()));
            lines.add(new MapLayers.Line(line.id(), line.title(), geometry, sides.size() == 1 ? sides.first() : null,
                    line.source(), Map.of("sides", List.copyOf(sides), "withdrawal_zones", zones)));
        }
        return lines;
    }

    private static List<Zone> zonesFrom(TruceTerms terms, String lineId, LocalDate day) {
        List<Zone> zones = new ArrayList<>();
        for (TruceTerms.WithdrawalZone zone : terms.withdrawalZones()) {
            List<String> sides = zone.fromLines().entrySet().stream().filter(e -> e.getValue().equals(lineId))
                    .map(Map.Entry::getKey).sorted().toList();
            if (!sides.isEmpty()) {
                zones.add(new Zone(zone.id(), zone.title(), zone.clause(), zone.weaponClasses(), zone.minCalibreMm(),
                        zone.maxCalibreMm(), zone.distanceKm(), sides, zone.completeByEarliest(), zone.completeBy(),
                        zone.supersededFrom(), statusOn(zone, day)));
            }
        }
        return zones;
    }

    /**
     * Judged at the start of the day, local to the truce like the terms' dates: a deadline at 00:00
     * (they all are) is then past for the whole day it falls on.
     */
    static ZoneStatus statusOn(TruceTerms.WithdrawalZone zone, LocalDate day) {
        LocalDateTime at = day.atStartOfDay();
        if (zone.supersededFrom() != null && !at.isBefore(zone.supersededFrom())) {
            return ZoneStatus.SUPERSEDED;
        }
        if (zone.completeBy() != null && !at.isBefore(zone.completeBy())) {
            return ZoneStatus.IN_FORCE;
        }
        if (zone.completeByEarliest() != null && !at.isBefore(zone.completeByEarliest())) {
            return ZoneStatus.DEADLINE_DISPUTED;
        }
        return ZoneStatus.NOT_YET_DUE;
    }
}
