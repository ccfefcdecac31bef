package io.trucewatch.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Distances to a line within 1 % of the WGS 84 geodesic. The reference values were computed with
 * Vincenty's inverse formula on the WGS 84 ellipsoid, minimised along the line.
 */
class GeodesyTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private static Geometry line(double... lonLat) {
        Coordinate[] coordinates = new Coordinate[lonLat.length / 2];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = new Coordinate(lonLat[2 * i], lonLat[2 * i + 1]);
        }
        return FACTORY.createLineString(coordinates);
    }

    @Test
    void distance_to_a_meridian_one_degree_of_longitude_away_at_48_north() {
        double km = Geodesy.distanceKm(line(37.0, 47.0, 37.0, 49.0), 48.0, 38.0);
        assertEquals(74.623, km, 74.623 * 0.01); // Vincenty: 74.623 km; a naive degree-distance would say 1.0
    }

    @Test
    void distance_to_a_parallel_half_a_degree_of_latitude_away() {
        double km = Geodesy.distanceKm(line(37.0, 48.0, 39.0, 48.0), 48.5, 38.0);
        assertEquals(55.598, km, 55.598 * 0.01); // Vincenty: 55.598 km
    }

    @Test
    void distance_to_the_nearest_vertex_when_the_line_ends_short() {
        // Kurakhove to a line ending at Marinka: the nearest point is Marinka itself.
        double km = Geodesy.distanceKm(line(37.5036, 47.9419, 37.55, 47.73), 47.98, 37.28);
        assertEquals(17.228, km, 17.228 * 0.01); // Vincenty, Kurakhove-Marinka: 17.228 km
    }

    @Test
    void a_point_on_the_line_is_at_zero() {
        assertEquals(0.0, Geodesy.distanceKm(line(37.0, 48.0, 39.0, 48.0), 48.0, 38.0), 1e-6);
    }
}
