package io.trucewatch.territory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.trucewatch.actors.ActorNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicReference;
import org.locationtech.jts.geom.Geometry;

/**
 * The drawable control data of a ruleset version, read from the very files that version was compiled
 * from (its snapshot), so a map shows what evaluations use and nothing else.
 *
 * <p>{@link ControlMap} is built for look-ups and keeps its countries to itself; rather than widen it,
 * the map reads the control files a second time, once per ruleset version (they were checked when the
 * version was loaded, so a failure here is a defect, not a user error).
 */
@ApplicationScoped
public class ControlLayers {

    /** Where the control files sit in a snapshot; as {@code rulesets.TermsLoader} reads them. */
    static final String CONTROL = "config/control/";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Cached(String version, Map<String, CountryLayer> byCountry) {
    }

    private final AtomicReference<Cached> cached = new AtomicReference<>();

    /**
     * @param version the ruleset version the files belong to (the cache key)
     * @param files   the version's files, path → text ("config/control/syria.yaml" → …)
     * @param country a country name as a truce's scope writes it
     */
    public Optional<CountryLayer> country(String version, SortedMap<String, String> files, String country) {
        Cached current = cached.get();
        if (current == null || !current.version().equals(version)) {
            current = new Cached(version, read(files));
            cached.set(current);
        }
        return Optional.ofNullable(current.byCountry().get(ActorNames.key(country)));
    }

    /** Every country's layer, keyed by its name's lookup key. */
    static Map<String, CountryLayer> read(SortedMap<String, String> files) {
        Map<String, CountryLayer> byCountry = new HashMap<>();
        files.subMap(CONTROL, CONTROL + Character.MAX_VALUE).forEach((path, text) -> {
            // A country's file sits directly in config/control/; its point files are below it.
            boolean countryFile = path.indexOf('/', CONTROL.length()) < 0;
            if (countryFile && (path.endsWith(".yaml") || path.endsWith(".yml"))) {
                ControlFile file = parse(path, text, ControlFile.class);
                byCountry.put(ActorNames.key(file.country()), layer(file, files));
            }
        });
        return Map.copyOf(byCountry);
    }

    private static CountryLayer layer(ControlFile file, SortedMap<String, String> files) {
        Map<String, Geometry> polygons = Map.of();
        if (file.geometry() != null) {
            String path = CONTROL + file.geometry();
            try {
                polygons = GeoJsonPolygons.read(JSON.readTree(required(files, path)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(path + " was loaded with the ruleset but no longer parses", e);
            }
        }
        List<CountryLayer.Area> areas = new ArrayList<>();
        for (ControlFile.Area area : file.areas()) {
            if (area.polygon() != null && polygons.containsKey(area.polygon())) {
                areas.add(new CountryLayer.Area(area, polygons.get(area.polygon())));
            }
        }
        List<ControlPoint> points = new ArrayList<>();
        for (String pointFile : file.pointFiles()) {
            String path = CONTROL + pointFile;
            points.addAll(parse(path, required(files, path), ControlPoint.File.class).points());
        }
        points.removeIf(p -> p.lat() == null || p.lon() == null);
        return new CountryLayer(file.country(), areas, points);
    }

    private static String required(SortedMap<String, String> files, String path) {
        String text = files.get(path);
        if (text == null) {
            throw new IllegalStateException(path + " is not in the ruleset's files, yet the ruleset loaded");
        }
        return text;
    }

    private static <T> T parse(String path, String text, Class<T> type) {
        try {
            return YAML.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(path + " was loaded with the ruleset but no longer parses", e);
        }
    }
}
