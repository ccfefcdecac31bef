package io.trucewatch.territory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;

/** Builds a {@link ControlMap} from control files and the GeoJSON files they reference. */
public final class ControlMaps {

    private ControlMaps() {
    }

    /**
     * @param geometry reads a GeoJSON file by the name a control file gives it
     * @throws IllegalArgumentException naming the key at fault, e.g. {@code areas[3].polygon}
     */
    public static CountryEntry country(ControlFile file, Function<String, JsonNode> geometry, List<ControlPoint> points) {
        Map<String, Geometry> polygons = file.geometry() == null ? Map.of() : GeoJsonPolygons.read(geometry.apply(file.geometry()));
        for (int i = 0; i < file.areas().size(); i++) {
            ControlFile.Area area = file.areas().get(i);
            if (area.polygon() != null && !polygons.containsKey(area.polygon())) {
                throw new IllegalArgumentException("areas[" + i + "].polygon: no feature '" + area.polygon()
                        + "' in " + file.geometry());
            }
        }
        return new CountryEntry(new CountryMap(file, polygons, points));
    }

    public static ControlMap of(List<CountryEntry> countries) {
        List<CountryMap> maps = new ArrayList<>();
        countries.forEach(c -> maps.add(c.map));
        return new ControlMap(maps);
    }

    /** One country's map, checked and ready to be joined into a {@link ControlMap}. */
    public static final class CountryEntry {
        private final CountryMap map;

        private CountryEntry(CountryMap map) {
            this.map = map;
        }
    }
}
