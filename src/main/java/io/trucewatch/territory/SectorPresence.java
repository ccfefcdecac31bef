package io.trucewatch.territory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An armed actor that sources place in a named sector ("the middle sector of Eastern Ghouta", "the
 * western Aleppo countryside") beside the factions holding it, without naming the settlements: rule
 * M3 of the mixed-ground review ({@code config/control/syria/sectors.yaml}). The sector's
 * settlements held by those factions are mixed ground for the span, and the period says the
 * presence is the sector's, so a reviewer sees how little the record says about the one village.
 *
 * @param beside              the holders (controller ids) it was reported beside; points others held are not touched
 * @param settlements         control-point ids the named sector comprises (by {@code membership})
 * @param excludedSettlements points of the sector a source says the actor was absent from
 */
public record SectorPresence(String id, String name, String actor, List<String> beside, LocalDate from, LocalDate to,
        List<String> settlements, List<String> excludedSettlements, String source, String membership, String note) {

    public SectorPresence {
        beside = beside == null ? List.of() : List.copyOf(beside);
        settlements = settlements == null ? List.of() : List.copyOf(settlements);
        excludedSettlements = excludedSettlements == null ? List.of() : List.copyOf(excludedSettlements);
    }

    /** The YAML shape of a sectors file; {@code lookedAtNotEncoded} records what the review left and why. */
    public record File(List<SectorPresence> sectors, List<LookedAt> lookedAtNotEncoded) {
        public File {
            sectors = sectors == null ? List.of() : List.copyOf(sectors);
            lookedAtNotEncoded = lookedAtNotEncoded == null ? List.of() : List.copyOf(lookedAtNotEncoded);
        }
    }

    /** A sector the review looked at and did not encode. */
    public record LookedAt(String sector, String why) {
    }

    /** The points with every sector's presence written into the periods it covers. */
    public static List<ControlPoint> overlay(List<ControlPoint> points, List<SectorPresence> sectors) {
        if (sectors.isEmpty()) {
            return points;
        }
        Map<String, List<SectorPresence>> byPoint = new HashMap<>();
        for (SectorPresence sector : sectors) {
            Set<String> absent = new HashSet<>(sector.excludedSettlements());
            sector.settlements().stream().filter(id -> !absent.contains(id))
                    .forEach(id -> byPoint.computeIfAbsent(id, k -> new ArrayList<>()).add(sector));
        }
        return points.stream().map(point -> {
            ControlPoint result = point;
            for (SectorPresence sector : byPoint.getOrDefault(point.id(), List.of())) {
                result = sector.applyTo(result);
            }
            return result;
        }).toList();
    }

    /**
     * The point with the actor beside the holder where a period of one of {@code beside} overlaps the
     * span: that period is cut at the span's ends, and the part inside it is the mixed holding.
     */
    ControlPoint applyTo(ControlPoint point) {
        List<ControlFile.Period> control = new ArrayList<>();
        for (ControlFile.Period period : point.control()) {
            LocalDate start = later(period.from(), from);
            LocalDate end = earlier(period.to(), to);
            boolean overlaps = start == null || end == null || start.isBefore(end);
            if (!beside.contains(period.controller()) || period.alongside().contains(actor) || !overlaps) {
                control.add(period);
                continue;
            }
            if (!same(start, period.from())) {
                control.add(new ControlFile.Period(period.controller(), period.alongside(), period.from(), start,
                        period.source(), period.note()));
            }
            List<String> alongside = Stream.concat(period.alongside().stream(), Stream.of(actor)).toList();
            control.add(new ControlFile.Period(period.controller(), alongside, start, end,
                    "reported in the sector '" + name + "', not named in this settlement (" + source + "); holder: "
                            + period.source(), note));
            if (!same(end, period.to())) {
                control.add(new ControlFile.Period(period.controller(), period.alongside(), end, period.to(),
                        period.source(), period.note()));
            }
        }
        return new ControlPoint(point.id(), point.name(), point.aliases(), point.admin1(), point.admin2(), point.lat(),
                point.lon(), point.positionSource(), control, point.note());
    }

    /** The later of two starts, null being the open past. */
    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** The earlier of two ends, null being the open future. */
    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static boolean same(LocalDate a, LocalDate b) {
        return a == null ? b == null : a.equals(b);
    }
}
