package io.trucewatch.territory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/** Reads the LineString / MultiLineString features of a GeoJSON FeatureCollection, by feature id. */
public final class GeoJsonLines {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private GeoJsonLines() {
    }

    /** Throws {@link IllegalArgumentException} naming the feature at fault. */
    public static Map<String, Geometry> read(JsonNode collection) {
        return GeoJsonFeatures.byId(collection, (geometry, where) -> {
            String type = geometry.path("type").asText();
            return switch (type) {
                case "LineString" -> line(geometry.path("coordinates"), where);
                case "MultiLineString" -> {
                    LineString[] parts = new LineString[geometry.path("coordinates").size()];
                    for (int i = 0; i < parts.length; i++) {
                        parts[i] = line(geometry.path("coordinates").get(i), where + ".coordinates[" + i + "]");
                    }
                    yield FACTORY.createMultiLineString(parts);
                }
                default -> throw new IllegalArgumentException(where + ".geometry.type: expected LineString or "
                        + "MultiLineString, got '" + type + "'");
            };
        });
    }

    private static LineString line(JsonNode positions, String where) {
        if (!positions.isArray() || positions.size() < 2) {
            throw new IllegalArgumentException(where + ": a line needs at least two positions");
        }
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            JsonNode position = positions.get(i);
            double lon = position.path(0).asDouble(Double.NaN);
            double lat = position.path(1).asDouble(Double.NaN);
            if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
                throw new IllegalArgumentException(where + ".coordinates[" + i + "]: not a [longitude, latitude] position");
            }
            coordinates[i] = new Coordinate(lon, lat);
        }
        return FACTORY.createLineString(coordinates);
    }
}
