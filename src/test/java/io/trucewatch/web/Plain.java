package io.trucewatch.web;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

/** What no answer of the API may contain: names of the program's insides instead of words about the request. */
public final class Plain {

    static final List<String> INTERNAL_NAMES = List.of("java.", "javax.", "jakarta.", "com.fasterxml", "io.trucewatch",
            "org.jboss", "io.vertx", "Jackson", "jackson", "DeserializationFeature", "JsonReadFeature",
            "StreamReadConstraints", "Exception", "(class ", "[Source:", "reference chain");

    private Plain() {
    }

    /** Fails naming the first internal name found in {@code text}. */
    public static void assertPlain(String text) {
        for (String name : INTERNAL_NAMES) {
            assertFalse(text.contains(name), "names '" + name + "': " + text);
        }
    }
}
