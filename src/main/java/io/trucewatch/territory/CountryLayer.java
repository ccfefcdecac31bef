package io.trucewatch.territory;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * One country's control data as a map draws it: the areas drawn as polygons (areas recognised only
 * by name have no shape to draw) and every settlement with a position, each with all its periods.
 */
public record CountryLayer(String country, List<Area> areas, List<ControlPoint> points) {

    public CountryLayer {
        areas = List.copyOf(areas);
        points = List.copyOf(points);
    }

    /** An area of the control file with the polygon its {@code polygon} key names. */
    public record Area(ControlFile.Area area, Geometry polygon) {
    }
}
