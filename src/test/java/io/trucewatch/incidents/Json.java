package io.trucewatch.incidents;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds JSON request bodies for the HTTP tests: {@code Json.of("actor1", "SAA", "fatalities", 3)}. */
public final class Json {

    private Json() {
    }

    public static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> base, Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>(base);
        body.putAll(of(keysAndValues));
        return body;
    }

    public static Map<String, Object> without(Map<String, Object> base, String... keys) {
        Map<String, Object> body = new LinkedHashMap<>(base);
        for (String key : keys) {
            body.remove(key);
        }
        return body;
    }
}
