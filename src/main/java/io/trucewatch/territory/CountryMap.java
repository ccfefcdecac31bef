package io.trucewatch.territory;

import io.trucewatch.actors.ActorNames;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/** The control map of one country, ready for look-ups. */
final class CountryMap {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private record Shape(ControlFile.Area area, PreparedGeometry geometry, double size) {
    }

    private final ControlFile file;
    private final ZoneId zone;
    private final String countryKey;
    private final Set<String> admin1Keys;
    /** Smallest first, so the most specific polygon containing a point wins. */
    private final List<Shape> shapes;
    /** Per name level, name key → the areas that bear it, in file order (keys made once, not per report). */
    private final Map<NameLevel, Map<String, List<ControlFile.Area>>> areasByName = new EnumMap<>(NameLevel.class);

    CountryMap(ControlFile file, Map<String, Geometry> polygons) {
        this.file = file;
        this.zone = ZoneId.of(file.timeZone());
        this.countryKey = ActorNames.key(file.country());
        this.admin1Keys = file.admin1Names().entrySet().stream()
                .flatMap(e -> Stream.concat(Stream.of(e.getKey()), e.getValue().stream()))
                .map(ActorNames::key)
                .collect(Collectors.toUnmodifiableSet());
        List<Shape> shapes = new ArrayList<>();
        for (ControlFile.Area area : file.areas()) {
            if (area.polygon() != null) {
                Geometry geometry = polygons.get(area.polygon());
                shapes.add(new Shape(area, PreparedGeometryFactory.prepare(geometry), geometry.getArea()));
            }
        }
        shapes.sort(Comparator.comparingDouble(Shape::size));
        this.shapes = List.copyOf(shapes);
        for (NameLevel level : NameLevel.values()) {
            Map<String, List<ControlFile.Area>> byName = new HashMap<>();
            for (ControlFile.Area area : file.areas()) {
                level.names(area).stream().map(ActorNames::key).distinct()
                        .forEach(key -> byName.computeIfAbsent(key, k -> new ArrayList<>()).add(area));
            }
            areasByName.put(level, byName);
        }
    }

    String country() {
        return file.country();
    }

    /** Whether the report says it is in this country, or names one of its governorates. */
    boolean claims(String country, String admin1) {
        if (country != null && !country.isBlank()) {
            return ActorNames.key(country).equals(countryKey);
        }
        return admin1 != null && admin1Keys.contains(ActorNames.key(admin1));
    }

    boolean contains(double latitude, double longitude) {
        Point point = FACTORY.createPoint(new Coordinate(longitude, latitude));
        return shapes.stream().anyMatch(s -> s.geometry().covers(point));
    }

    Placement place(Double latitude, Double longitude, String admin1, String admin2, String location, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, zone);
        if (latitude != null && longitude != null) {
            Point point = FACTORY.createPoint(new Coordinate(longitude, latitude));
            for (Shape shape : shapes) {
                if (shape.geometry().covers(point)) {
                    Placement found = controlled(shape.area(), day, "polygon");
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        for (NameLevel level : NameLevel.values()) {
            String name = level.of(location, admin2, admin1);
            if (name == null || name.isBlank()) {
                continue;
            }
            for (ControlFile.Area area : areasByName.get(level).getOrDefault(ActorNames.key(name), List.of())) {
                Placement found = controlled(area, day, level.label);
                if (found != null) {
                    return found;
                }
            }
        }
        return Placement.unplaced(file.country());
    }

    private Placement controlled(ControlFile.Area area, LocalDate day, String matchedBy) {
        return area.control().stream()
                .filter(p -> p.covers(day))
                .findFirst()
                .map(p -> new Placement(file.country(), area, p, matchedBy))
                .orElse(null);
    }

    /** Place names from the most specific to the least. */
    private enum NameLevel {
        LOCATION("location"), ADMIN2("admin2"), ADMIN1("admin1");

        private final String label;

        NameLevel(String label) {
            this.label = label;
        }

        String of(String location, String admin2, String admin1) {
            return switch (this) {
                case LOCATION -> location;
                case ADMIN2 -> admin2;
                case ADMIN1 -> admin1;
            };
        }

        List<String> names(ControlFile.Area area) {
            return switch (this) {
                case LOCATION -> area.locations();
                case ADMIN2 -> area.admin2();
                case ADMIN1 -> area.admin1();
            };
        }
    }
}
