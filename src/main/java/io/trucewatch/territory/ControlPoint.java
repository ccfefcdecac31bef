package io.trucewatch.territory;

import java.util.List;

/**
 * A settlement (or a city district) with its position and who held it when, as written in a
 * control-points file ({@code config/control/<country>/<region>.yaml}, listed by the country's
 * control file under {@code point_files}).
 *
 * @param positionSource where the coordinates come from (a gazetteer entry, an encyclopaedia)
 * @param control        contiguous periods, each with the public source that supports it
 */
public record ControlPoint(String id, String name, List<String> aliases, String admin1, String admin2,
        Double lat, Double lon, String positionSource, List<ControlFile.Period> control, String note) {

    public ControlPoint {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        control = control == null ? List.of() : List.copyOf(control);
    }

    /** The YAML shape of a control-points file. */
    public record File(List<ControlPoint> points) {
        public File {
            points = points == null ? List.of() : List.copyOf(points);
        }
    }
}
