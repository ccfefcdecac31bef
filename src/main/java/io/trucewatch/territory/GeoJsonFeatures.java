package io.trucewatch.territory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.locationtech.jts.geom.Geometry;

/** The features of a GeoJSON FeatureCollection by id, each geometry read by the caller's reader. */
final class GeoJsonFeatures {

    private GeoJsonFeatures() {
    }

    /**
     * @param geometry reads one feature's geometry node; the second argument names the feature
     *                 ("features[3]") for error messages
     */
    static Map<String, Geometry> byId(JsonNode collection, BiFunction<JsonNode, String, Geometry> geometry) {
        if (!"FeatureCollection".equals(collection.path("type").asText())) {
            throw new IllegalArgumentException("type: expected FeatureCollection");
        }
        Map<String, Geometry> byId = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode feature : collection.path("features")) {
            String where = "features[" + index++ + "]";
            String id = feature.hasNonNull("id") ? feature.get("id").asText()
                    : feature.path("properties").path("id").asText(null);
            if (id == null) {
                throw new IllegalArgumentException(where + ".id: every feature needs an id");
            }
            if (byId.put(id, geometry.apply(feature.path("geometry"), where)) != null) {
                throw new IllegalArgumentException(where + ".id: '" + id + "' is used twice");
            }
        }
        return byId;
    }
}
