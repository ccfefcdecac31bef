package io.trucewatch.territory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads the Polygon and MultiPolygon features of an RFC 7946 FeatureCollection into JTS
 * geometries keyed by feature id. Positions are [longitude, latitude], as the RFC says.
 */
final class GeoJsonPolygons {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private GeoJsonPolygons() {
    }

    static Map<String, Geometry> read(JsonNode collection) {
        return GeoJsonFeatures.byId(collection, (node, where) -> {
            Geometry geometry = geometry(node, where + ".geometry");
            if (!geometry.isValid()) {
                throw new IllegalArgumentException(where + ".geometry: polygon is not valid");
            }
            return geometry;
        });
    }

    private static Geometry geometry(JsonNode node, String where) {
        String type = node.path("type").asText();
        JsonNode coordinates = node.path("coordinates");
        return switch (type) {
            case "Polygon" -> polygon(coordinates, where);
            case "MultiPolygon" -> {
                Polygon[] parts = new Polygon[coordinates.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(coordinates.get(i), where + ".coordinates[" + i + "]");
                }
                yield FACTORY.createMultiPolygon(parts);
            }
            default -> throw new IllegalArgumentException(where + ".type: expected Polygon or MultiPolygon, got '"
                    + type + "'");
        };
    }

    private static Polygon polygon(JsonNode rings, String where) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException(where + ": a polygon needs at least one ring");
        }
        LinearRing shell = ring(rings.get(0), where);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), where);
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions, String where) {
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            JsonNode position = positions.get(i);
            coordinates[i] = new Coordinate(position.get(0).asDouble(), position.get(1).asDouble());
        }
        try {
            return FACTORY.createLinearRing(coordinates);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }
}
