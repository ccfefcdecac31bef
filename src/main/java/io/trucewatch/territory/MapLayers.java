package io.trucewatch.territory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * What a map of one truce on one day shows, as an RFC 7946 FeatureCollection: each country's outline
 * (drawn from the service's own data, so a map needs no tile server), the control areas and settlements
 * with whoever held them that day, and the truce's reference lines. Features come in drawing order:
 * outlines, areas, lines, points.
 *
 * <p>Every feature has the same properties, so a client reads them all alike: {@code kind} (outline,
 * area, line, point), {@code name}, {@code controller_id}, {@code controller_name}, {@code standing}
 * (the holder's standing towards the truce), {@code side}, {@code since}, {@code source}; null where
 * they do not apply. What the truce makes of a holder is the caller's to say ({@link Holder}): this
 * package knows places, not truces.
 */
public final class MapLayers {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    /** For the properties callers add (records with camelCase components, dates): as the API writes JSON. */
    private static final ObjectMapper PROPERTIES = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    /** Around an outline, so settlements on its hull are not drawn on its edge: a share of its extent. */
    private static final double OUTLINE_MARGIN_SHARE = 0.03;
    private static final double OUTLINE_MIN_MARGIN_DEGREES = 0.05;

    /**
     * Who a controller is to the truce on the day.
     *
     * @param standing a {@code truces.Standing} name, or {@code CONTESTED} for ground no single side held
     * @param side     the side it fights on, when it has exactly one
     */
    public record Holder(String id, String name, String standing, String side) {
    }

    /**
     * A line of the truce's terms (a line of contact), with whatever the terms attach to it.
     *
     * @param extra further properties (e.g. the withdrawal zones measured from it), serialised snake_case
     */
    public record Line(String id, String name, Geometry geometry, String side, String source, Map<String, Object> extra) {
        public Line {
            extra = extra == null ? Map.of() : Map.copyOf(extra);
        }
    }

    private MapLayers() {
    }

    /**
     * @param countries the control data of the truce's countries
     * @param lines     the truce's reference lines, drawn across every country given
     * @param day       the local day whose holders are shown; areas and points nobody held that day
     *                  (per config) are left out, not drawn as empty
     * @param holders   a period's holding (its controller, an actor id or {@code contested}, and who fought
     *                  alongside) → who it is to the truce that day
     */
    public static ObjectNode collection(List<CountryLayer> countries, List<Line> lines, LocalDate day,
            Function<ControlFile.Period, Holder> holders) {
        // Hundreds of settlements share a handful of holdings: ask the truce once per holding.
        Map<String, Holder> known = new HashMap<>();
        Function<ControlFile.Period, Holder> holder = period -> known.computeIfAbsent(period.holding(), h -> holders.apply(period));
        List<ObjectNode> outlines = new ArrayList<>();
        List<ObjectNode> areas = new ArrayList<>();
        List<ObjectNode> points = new ArrayList<>();
        Envelope extent = new Envelope();
        for (CountryLayer country : countries) {
            outlineShape(country, lines).ifPresent(shape -> {
                // The outline holds every other feature: its extent is the collection's.
                extent.expandToInclude(shape.getEnvelopeInternal());
                outlines.add(outline(country, lines.size(), shape));
            });
            for (CountryLayer.Area area : country.areas()) {
                periodOn(area.area().control(), day).ifPresent(period -> areas.add(controlFeature("area:" + area.area().id(),
                        "area", area.area().name(), area.polygon(), period, holder.apply(period))));
            }
            for (ControlPoint point : country.points()) {
                periodOn(point.control(), day).ifPresent(period -> {
                    ObjectNode feature = controlFeature("point:" + point.id(), "point", point.name(),
                            FACTORY.createPoint(new Coordinate(point.lon(), point.lat())), period, holder.apply(period));
                    ObjectNode properties = (ObjectNode) feature.get("properties");
                    properties.put("admin1", point.admin1());
                    properties.put("admin2", point.admin2());
                    points.add(feature);
                });
            }
        }
        ObjectNode collection = PROPERTIES.createObjectNode();
        collection.put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        features.addAll(outlines);
        features.addAll(areas);
        lines.forEach(line -> features.add(lineFeature(line)));
        features.addAll(points);
        if (!extent.isNull()) {
            // RFC 7946 §5: west, south, east, north; lets a client fit its view without walking every feature.
            collection.set("bbox", collection.arrayNode().add(round(extent.getMinX())).add(round(extent.getMinY()))
                    .add(round(extent.getMaxX())).add(round(extent.getMaxY())));
        }
        return collection;
    }

    private static Optional<ControlFile.Period> periodOn(List<ControlFile.Period> control, LocalDate day) {
        return control.stream().filter(p -> p.covers(day)).findFirst();
    }

    private static ObjectNode controlFeature(String id, String kind, String name, Geometry geometry,
            ControlFile.Period period, Holder holder) {
        ObjectNode feature = feature(id, geometry);
        ObjectNode properties = properties(feature, kind, name, holder, holder.side(),
                period.from() == null ? null : period.from().toString(), period.source());
        properties.put("until", period.to() == null ? null : period.to().toString());
        properties.put("note", period.note());
        return feature;
    }

    private static ObjectNode lineFeature(Line line) {
        ObjectNode feature = feature("line:" + line.id(), line.geometry());
        ObjectNode properties = properties(feature, "line", line.name(), null, line.side(), null, line.source());
        line.extra().forEach((key, value) -> properties.set(key, PROPERTIES.valueToTree(value)));
        return feature;
    }

    private static ObjectNode outline(CountryLayer country, int lines, Geometry shape) {
        ObjectNode feature = feature("outline:" + country.country(), shape);
        String source = "drawn by the service: the convex hull of " + country.areas().size() + " control areas, "
                + country.points().size() + " settlements and " + lines + " lines of its configuration, "
                + "with a margin; not a border";
        properties(feature, "outline", country.country(), null, null, null, source);
        return feature;
    }

    /**
     * The country as far as the service knows it: the convex hull of its areas, settlements and the
     * truce's lines, with a small margin. Not a border (the feature says so); empty without any data.
     */
    private static Optional<Geometry> outlineShape(CountryLayer country, List<Line> lines) {
        List<Geometry> parts = new ArrayList<>();
        country.areas().forEach(a -> parts.add(a.polygon()));
        country.points().forEach(p -> parts.add(FACTORY.createPoint(new Coordinate(p.lon(), p.lat()))));
        lines.forEach(l -> parts.add(l.geometry()));
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        Geometry hull = FACTORY.buildGeometry(parts).convexHull();
        Envelope extent = hull.getEnvelopeInternal();
        double margin = Math.max(OUTLINE_MIN_MARGIN_DEGREES,
                Math.hypot(extent.getWidth(), extent.getHeight()) * OUTLINE_MARGIN_SHARE);
        // Two segments per quarter circle: an outline needs no round corners, and stays small.
        return Optional.of(hull.buffer(margin, 2));
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e5) / 1e5;
    }

    private static ObjectNode feature(String id, Geometry geometry) {
        ObjectNode feature = PROPERTIES.createObjectNode();
        feature.put("type", "Feature");
        feature.put("id", id);
        feature.set("geometry", GeoJsonGeometry.of(geometry));
        return feature;
    }

    private static ObjectNode properties(ObjectNode feature, String kind, String name, Holder holder, String side,
            String since, String source) {
        ObjectNode properties = feature.putObject("properties");
        properties.put("kind", kind);
        properties.put("name", name);
        properties.put("controller_id", holder == null ? null : holder.id());
        properties.put("controller_name", holder == null ? null : holder.name());
        properties.put("standing", holder == null ? null : holder.standing());
        properties.put("side", side);
        properties.put("since", since);
        properties.put("source", source);
        return properties;
    }
}
