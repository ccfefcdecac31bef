package io.trucewatch.territory;

import io.trucewatch.actors.ActorNames;
import io.trucewatch.actors.Phrases;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
    /** How far a report may be from a settlement and still be placed there, unless the file says. */
    static final double DEFAULT_RADIUS_KM = 5.0;
    /** How many of the nearest settlements must agree for ground between them to be placed. */
    private static final int AGREEING_POINTS = 3;
    /** ACLED geo_precision 3: the coordinates are a region's, not the place's. */
    private static final int REGION_PRECISION = 3;
    /**
     * ACLED geo_precision 2: the event was near the town the report names, or in part of it, and the
     * coordinates are approximate: the named settlement, if the map has it near them, is the place
     * the monitor meant, not whichever settlement lies nearest to the approximate point.
     */
    private static final int NEAR_TOWN_PRECISION = 2;

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

    /** Settlement-level control points: the most specific knowledge of who held a place. */
    private final PointIndex points;
    /** How far the settlements around a place may be for their agreement to place it (0: never). */
    private final double outerRadiusKm;
    /** Every spelling of a governorate → the key of its canonical name. */
    private final Map<String, String> canonicalAdmin1;
    /** Every spelling of a governorate (its key) → its canonical name as the file writes it. */
    private final Map<String, String> admin1Name;
    /** Each point's governorate as written → its canonical key: the points' few spellings keyed once, not per report. */
    private final Map<String, String> pointGovernorateKeys;
    /** The same data as a map draws it (the console's map). */
    private final CountryLayer layer;

    CountryMap(ControlFile file, Map<String, Geometry> polygons, List<ControlPoint> points) {
        this.file = file;
        this.points = new PointIndex(points, file.pointRadiusKm() == null ? DEFAULT_RADIUS_KM : file.pointRadiusKm());
        this.outerRadiusKm = file.pointsAroundKm() == null ? 0 : file.pointsAroundKm();
        Map<String, String> canonical = new HashMap<>();
        Map<String, String> named = new HashMap<>();
        file.admin1Names().forEach((name, aliases) -> {
            canonical.put(PlaceNames.key(name), PlaceNames.key(name));
            named.put(PlaceNames.key(name), name);
            aliases.forEach(alias -> {
                canonical.put(PlaceNames.key(alias), PlaceNames.key(name));
                named.put(PlaceNames.key(alias), name);
            });
        });
        this.canonicalAdmin1 = Map.copyOf(canonical);
        this.admin1Name = Map.copyOf(named);
        this.pointGovernorateKeys = points.stream().map(ControlPoint::admin1).filter(Objects::nonNull).distinct()
                .collect(Collectors.toUnmodifiableMap(admin1 -> admin1, this::canonicalAdmin1));
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
        this.layer = new CountryLayer(file.country(),
                file.areas().stream().filter(area -> area.polygon() != null)
                        .map(area -> new CountryLayer.Area(area, polygons.get(area.polygon()))).toList(),
                points.stream().filter(point -> point.lat() != null && point.lon() != null).toList());
    }

    String country() {
        return file.country();
    }

    CountryLayer layer() {
        return layer;
    }

    boolean isCountry(String country) {
        // Reports nearly always write the country as the map does: no key to make for those.
        return file.country().equals(country) || ActorNames.key(country).equals(countryKey);
    }

    /** Whether the report says it is in this country, or names one of its governorates. */
    boolean claims(String country, String admin1) {
        if (country != null && !country.isBlank()) {
            return isCountry(country);
        }
        return admin1 != null && admin1Keys.contains(ActorNames.key(admin1));
    }

    /**
     * The air forces that struck in the governorate on some day between the two instants (local
     * days), in file order. A governorate the map does not know counts as anywhere in the country.
     */
    List<String> airForcesOver(String admin1, Instant earliest, Instant latest) {
        String governorate = admin1 == null ? null : governorate(admin1).orElse(null);
        LocalDate first = LocalDate.ofInstant(earliest, zone);
        LocalDate last = LocalDate.ofInstant(latest, zone);
        return file.airForces().stream().filter(force -> force.struckIn(governorate, first, last))
                .map(ControlFile.AirForce::actor).distinct().toList();
    }

    boolean contains(double latitude, double longitude) {
        Point point = FACTORY.createPoint(new Coordinate(longitude, latitude));
        return shapes.stream().anyMatch(s -> s.geometry().covers(point));
    }

    /**
     * Placement, most specific first: with coordinates only near a named town (geo_precision 2),
     * that settlement if the map has it within twice the radius; the nearest control point within
     * the radius (unless the coordinates are only a region's), the smallest polygon containing the coordinates, the ground
     * between settlements when the nearest ones within {@code points_around_km} all had one holder,
     * a control point or area bearing the location's name (in the report's governorate), then areas
     * by district and governorate names.
     */
    Placement place(Double latitude, Double longitude, Integer geoPrecision, String admin1, String admin2,
            String location, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, zone);
        boolean located = latitude != null && longitude != null;
        boolean settlementPrecise = located && (geoPrecision == null || geoPrecision < REGION_PRECISION);
        Placement found = located && geoPrecision != null && geoPrecision == NEAR_TOWN_PRECISION
                ? byNameNear(location, admin1, latitude, longitude, day) : null;
        // Approximate coordinates (a city's or a region's point): the report's own words for who
        // held the place ("rebel-held areas of Aleppo") say more than the settlement that happens
        // to lie nearest that point, so they are tried first; otherwise last.
        boolean describedFirst = located && geoPrecision != null && geoPrecision >= NEAR_TOWN_PRECISION;
        if (found == null && describedFirst) {
            found = byDescription(location);
        }
        if (found == null && settlementPrecise) {
            found = byNearestPoint(latitude, longitude, day);
        }
        if (found == null && located) {
            found = byPolygon(latitude, longitude, day);
        }
        if (found == null && settlementPrecise) {
            found = byPointsAround(latitude, longitude, day);
        }
        if (found == null) {
            found = byName(location, admin1, admin2, day);
        }
        if (found == null && !describedFirst) {
            found = byDescription(location);
        }
        return found != null ? found : Placement.unplaced(file.country());
    }

    private Placement byNearestPoint(double latitude, double longitude, LocalDate day) {
        return points.nearest(latitude, longitude, day)
                .map(near -> atPoint(near.point(), day, "point", "nearest settlement " + near.point().name() + ", "
                        + Geodesy.kilometres(near.km()) + " away"))
                .orElse(null);
    }

    /** The settlement the report names, in its governorate, if it lies within twice the radius of the coordinates. */
    private Placement byNameNear(String location, String admin1, double latitude, double longitude, LocalDate day) {
        if (location == null || location.isBlank()) {
            return null;
        }
        String admin1Key = admin1 == null ? null : canonicalAdmin1(admin1);
        for (String name : settlementReadings(location)) {
            for (ControlPoint point : points.named(name)) {
                boolean sameGovernorate = admin1Key == null || admin1Key.equals(governorateKeyOf(point));
                if (!sameGovernorate || point.lat() == null || point.lon() == null
                        || PointIndex.controllerOn(point, day).isEmpty()) {
                    continue;
                }
                double km = Geodesy.haversineKm(latitude, longitude, point.lat(), point.lon());
                if (km <= 2 * points.radiusKm()) {
                    return atPoint(point, day, "location", "settlement named '" + name + "', "
                            + Geodesy.kilometres(km) + " from the report's approximate coordinates");
                }
            }
        }
        return null;
    }

    private Placement byPolygon(double latitude, double longitude, LocalDate day) {
        Point point = FACTORY.createPoint(new Coordinate(longitude, latitude));
        for (Shape shape : shapes) {
            if (shape.geometry().covers(point)) {
                Placement found = controlled(shape.area(), day, "polygon");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private Placement byPointsAround(double latitude, double longitude, LocalDate day) {
        if (outerRadiusKm <= 0) {
            return null;
        }
        List<PointIndex.Near> around = points.agreeingAround(latitude, longitude, day, outerRadiusKm, AGREEING_POINTS);
        if (around.isEmpty()) {
            return null;
        }
        ControlPoint nearest = around.get(0).point();
        String names = around.stream().map(n -> n.point().name() + " " + Geodesy.kilometres(n.km()))
                .collect(Collectors.joining(", "));
        return new Placement(file.country(), nearest.id(), "ground around " + nearest.name(),
                PointIndex.controllerOn(nearest, day).orElseThrow(), "points-around",
                "between settlements that all had the same holder that day: " + names);
    }

    /**
     * The names a location may give a settlement by: its readings ({@link PlaceNames#readings}), less
     * a part that is a governorate's name ("Hama" of "Hama and Aleppo provinces" names the province,
     * not its capital): only the whole location may name the city. One list for every placement
     * by name, so that no path reads a province as its capital.
     */
    private List<String> settlementReadings(String location) {
        return PlaceNames.readings(location).stream()
                .filter(name -> name.equals(location.strip()) || governorate(name).isEmpty()).toList();
    }

    /** A control point bearing the location's name in the report's governorate, then areas by name. */
    private Placement byName(String location, String admin1, String admin2, LocalDate day) {
        String admin1Key = admin1 == null ? null : canonicalAdmin1(admin1);
        List<String> readings = settlementReadings(location);
        for (String name : readings) {
            for (ControlPoint point : points.named(name)) {
                boolean sameGovernorate = admin1Key == null || admin1Key.equals(governorateKeyOf(point));
                if (sameGovernorate && PointIndex.controllerOn(point, day).isPresent()) {
                    return atPoint(point, day, "location", "settlement named '" + name + "'");
                }
            }
        }
        // Another transliteration of a name ("Deir Muqrin" for the map's "Deir Miqrin"): only in
        // the report's governorate, and only when one settlement there has that loose key.
        for (String name : readings) {
            List<ControlPoint> spelledOtherwise = points.namedLoosely(name).stream()
                    .filter(point -> admin1Key != null && admin1Key.equals(governorateKeyOf(point)))
                    .toList();
            if (spelledOtherwise.size() == 1 && PointIndex.controllerOn(spelledOtherwise.get(0), day).isPresent()) {
                ControlPoint point = spelledOtherwise.get(0);
                return atPoint(point, day, "location", "settlement named '" + name + "', spelled '" + point.name()
                        + "' on the map");
            }
        }
        for (NameLevel level : NameLevel.values()) {
            // A location is read as each of its readings; a district or governorate as written.
            List<String> names = level == NameLevel.LOCATION ? readings
                    : Stream.ofNullable(level.of(location, admin2, admin1)).toList();
            for (String name : names) {
                if (name.isBlank()) {
                    continue;
                }
                for (ControlFile.Area area : areasByName.get(level).getOrDefault(ActorNames.key(name), List.of())) {
                    Placement found = controlled(area, day, level.label);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    /**
     * The holder the report's own words give the place ("rebel-held areas of Aleppo"), when the map
     * places it nowhere: the report's description, not the map, and the placement says so.
     */
    private Placement byDescription(String location) {
        Phrases.Text text = Phrases.text(location);
        for (ControlFile.DescribedHolder described : file.describedHolders()) {
            String words = described.words().firstIn(text);
            if (words != null) {
                ControlFile.Period period = new ControlFile.Period(described.holder(), List.of(), null, null,
                        "the report's own description of the place ('" + words + "'); " + described.source(), null);
                return new Placement(file.country(), null, location, period, "description",
                        "described by the report as '" + words + "' (the map does not place it)");
            }
        }
        return null;
    }

    /** The governorate's canonical name, if this map knows the spelling. */
    Optional<String> governorate(String admin1) {
        return Optional.ofNullable(admin1Name.get(PlaceNames.key(admin1)));
    }

    private String canonicalAdmin1(String admin1) {
        String key = PlaceNames.key(admin1);
        return canonicalAdmin1.getOrDefault(key, key);
    }

    /** Every point of this map is keyed at construction: only a point without a governorate is keyed here. */
    private String governorateKeyOf(ControlPoint point) {
        return point.admin1() == null ? canonicalAdmin1(null) : pointGovernorateKeys.get(point.admin1());
    }

    private Placement atPoint(ControlPoint point, LocalDate day, String matchedBy, String how) {
        ControlFile.Period period = PointIndex.controllerOn(point, day).orElseThrow();
        return new Placement(file.country(), point.id(), point.name(), period, matchedBy, how);
    }

    private Placement controlled(ControlFile.Area area, LocalDate day, String matchedBy) {
        return area.control().stream()
                .filter(p -> p.covers(day))
                .findFirst()
                .map(p -> new Placement(file.country(), area.id(), area.name(), p, matchedBy,
                        "polygon".equals(matchedBy) ? "inside the area " + area.name() : "area named by the report's " + matchedBy))
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
