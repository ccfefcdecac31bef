package io.trucewatch.territory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * A country's control points, looked up by position (a JTS STRtree over longitude/latitude, so a
 * report is compared with the few points near it, not with hundreds) and by name.
 */
final class PointIndex {

    /** Kilometres per degree of latitude, to turn the search radius into an envelope. */
    private static final double KM_PER_DEGREE = 111.0;

    private final STRtree tree = new STRtree();
    private final Map<String, List<ControlPoint>> byName = new HashMap<>();
    private final Map<String, List<ControlPoint>> byLooseName = new HashMap<>();
    private final double radiusKm;

    /** A point found near a position, with its distance. */
    record Near(ControlPoint point, double km) {
    }

    PointIndex(List<ControlPoint> points, double radiusKm) {
        this.radiusKm = radiusKm;
        for (ControlPoint point : points) {
            tree.insert(new Envelope(new Coordinate(point.lon(), point.lat())), point);
            List<String> names = new ArrayList<>(point.aliases());
            names.add(point.name());
            names.stream().map(PlaceNames::key).distinct()
                    .forEach(key -> byName.computeIfAbsent(key, k -> new ArrayList<>()).add(point));
            names.stream().map(PlaceNames::looseKey).filter(key -> !key.isEmpty()).distinct()
                    .forEach(key -> byLooseName.computeIfAbsent(key, k -> new ArrayList<>()).add(point));
        }
        tree.build();
    }

    double radiusKm() {
        return radiusKm;
    }

    /** The nearest point within the radius that has a controller on {@code day}. */
    Optional<Near> nearest(double latitude, double longitude, LocalDate day) {
        // The first of within()'s order (distance, then id), without collecting and sorting them all:
        // this runs for every report with coordinates, for every truce's instant.
        Near best = null;
        for (Object item : tree.query(envelope(latitude, longitude, radiusKm))) {
            ControlPoint point = (ControlPoint) item;
            double distance = Geodesy.haversineKm(latitude, longitude, point.lat(), point.lon());
            if (distance <= radiusKm && (best == null || distance < best.km()
                    || distance == best.km() && point.id().compareTo(best.point().id()) < 0)
                    && controllerOn(point, day).isPresent()) {
                best = new Near(point, distance);
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Ground between settlements: the nearest {@code count} points within {@code outerKm} (at least
     * two) when they all had the same holder on {@code day}, nearest first; empty when they
     * disagree or are too few. A place surrounded by one side's villages is that side's ground.
     */
    List<Near> agreeingAround(double latitude, double longitude, LocalDate day, double outerKm, int count) {
        List<Near> nearest = within(latitude, longitude, outerKm, day);
        if (nearest.size() < 2) {
            return List.of();
        }
        List<Near> around = nearest.subList(0, Math.min(count, nearest.size()));
        String holding = controllerOn(around.get(0).point(), day).orElseThrow().holding();
        boolean agree = around.stream().allMatch(n -> holding.equals(controllerOn(n.point(), day).orElseThrow().holding()));
        return agree ? List.copyOf(around) : List.of();
    }

    /** The points within {@code km} that have a holder on {@code day}, nearest first. */
    private List<Near> within(double latitude, double longitude, double km, LocalDate day) {
        List<Near> candidates = new ArrayList<>();
        for (Object item : tree.query(envelope(latitude, longitude, km))) {
            ControlPoint point = (ControlPoint) item;
            double distance = Geodesy.haversineKm(latitude, longitude, point.lat(), point.lon());
            if (distance <= km && controllerOn(point, day).isPresent()) {
                candidates.add(new Near(point, distance));
            }
        }
        candidates.sort(Comparator.comparingDouble(Near::km).thenComparing(n -> n.point().id()));
        return candidates;
    }

    /** The box of {@code km} around a position: a superset of the circle, which the distance then cuts. */
    private static Envelope envelope(double latitude, double longitude, double km) {
        double dLat = km / KM_PER_DEGREE;
        double dLon = km / (KM_PER_DEGREE * Math.max(0.1, Math.cos(Math.toRadians(latitude))));
        return new Envelope(longitude - dLon, longitude + dLon, latitude - dLat, latitude + dLat);
    }

    /** The points bearing a name (or an alias). */
    List<ControlPoint> named(String name) {
        return byName.getOrDefault(PlaceNames.key(name), List.of());
    }

    /** The points whose name or an alias has the same loose key ({@link PlaceNames#looseKey}). */
    List<ControlPoint> namedLoosely(String name) {
        String key = PlaceNames.looseKey(name);
        return key.isEmpty() ? List.of() : byLooseName.getOrDefault(key, List.of());
    }

    static Optional<ControlFile.Period> controllerOn(ControlPoint point, LocalDate day) {
        for (ControlFile.Period period : point.control()) {
            if (period.covers(day)) {
                return Optional.of(period);
            }
        }
        return Optional.empty();
    }
}
