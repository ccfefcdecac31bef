package io.trucewatch.territory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes a JTS geometry (x = longitude, y = latitude) as an RFC 7946 geometry object. Positions are
 * rounded to 5 decimals (about a metre), far finer than any shape in config/ and much shorter than
 * the 15 digits a buffer computes. Polygon rings are written as JTS holds them; RFC 7946 asks
 * writers for counter-clockwise shells, so shells are normalised to that first.
 */
final class GeoJsonGeometry {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final double SCALE = 1e5;

    private GeoJsonGeometry() {
    }

    static ObjectNode of(Geometry geometry) {
        ObjectNode node = NODES.objectNode();
        if (geometry instanceof Point point) {
            node.put("type", "Point");
            node.set("coordinates", position(point.getCoordinate()));
        } else if (geometry instanceof LineString line) {
            node.put("type", "LineString");
            node.set("coordinates", positions(line.getCoordinates()));
        } else if (geometry instanceof Polygon polygon) {
            node.put("type", "Polygon");
            node.set("coordinates", rings(polygon));
        } else if (geometry instanceof MultiPolygon multi) {
            node.put("type", "MultiPolygon");
            ArrayNode parts = node.putArray("coordinates");
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                parts.add(rings((Polygon) multi.getGeometryN(i)));
            }
        } else if (geometry instanceof MultiLineString multi) {
            node.put("type", "MultiLineString");
            ArrayNode parts = node.putArray("coordinates");
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                parts.add(positions(multi.getGeometryN(i).getCoordinates()));
            }
        } else {
            throw new IllegalArgumentException("no GeoJSON form for a " + geometry.getGeometryType() + " here");
        }
        return node;
    }

    private static ArrayNode rings(Polygon polygon) {
        // JTS normalises shells clockwise; reversing gives RFC 7946's counter-clockwise shells and clockwise holes.
        Polygon oriented = (Polygon) polygon.norm().reverse();
        ArrayNode rings = NODES.arrayNode();
        rings.add(positions(oriented.getExteriorRing().getCoordinates()));
        for (int i = 0; i < oriented.getNumInteriorRing(); i++) {
            rings.add(positions(oriented.getInteriorRingN(i).getCoordinates()));
        }
        return rings;
    }

    private static ArrayNode positions(Coordinate[] coordinates) {
        ArrayNode positions = NODES.arrayNode();
        for (Coordinate coordinate : coordinates) {
            positions.add(position(coordinate));
        }
        return positions;
    }

    private static ArrayNode position(Coordinate coordinate) {
        return NODES.arrayNode().add(round(coordinate.x)).add(round(coordinate.y));
    }

    private static double round(double degrees) {
        return Math.round(degrees * SCALE) / SCALE;
    }
}
