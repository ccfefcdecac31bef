package io.trucewatch.territory;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Distances on the Earth from a position to a line given in longitude/latitude.
 *
 * <p>Degrees are not a distance, so JTS cannot be asked directly. The line is projected onto a
 * plane centred on the position (equirectangular, longitude scaled by the cosine of the
 * latitude), where JTS finds the nearest point of the line; the distance to that point is then
 * taken on the sphere (haversine, mean Earth radius). Within a few hundred kilometres the
 * projection picks the right nearest point, and the sphere is within 0.5 % of the WGS 84
 * ellipsoid: well inside the 1 % the withdrawal zones need (a test checks known distances).
 */
public final class Geodesy {

    /** IUGG mean Earth radius. */
    static final double EARTH_RADIUS_KM = 6371.0088;
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private Geodesy() {
    }

    public static double distanceKm(Geometry lonLatLine, double latitude, double longitude) {
        double scale = Math.cos(Math.toRadians(latitude));
        Geometry projected = lonLatLine.copy();
        projected.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            c.x = (c.x - longitude) * scale;
            c.y = c.y - latitude;
        });
        projected.geometryChanged();
        Coordinate nearest = DistanceOp.nearestPoints(projected, FACTORY.createPoint(new Coordinate(0, 0)))[0];
        double nearestLongitude = longitude + nearest.x / scale;
        double nearestLatitude = latitude + nearest.y;
        return haversineKm(latitude, longitude, nearestLatitude, nearestLongitude);
    }

    public static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /**
     * A distance for an explanation, to a tenth of a kilometre ("2.1 km"), without the cost of
     * String.format on every placed report.
     */
    public static String kilometres(double km) {
        long tenths = Math.round(km * 10);
        return (tenths / 10) + "." + (tenths % 10) + " km";
    }
}
