package io.trucewatch.rulesets;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration formats as JSON Schemas (draft 2020-12, {@code src/main/resources/config-schema/}):
 * what a truce author reads to write a file, and the first check of every file, on its YAML text.
 * What a schema cannot say (an actor id that must exist, overlapping periods, a clause a zone
 * names) stays in {@link TermsLoader}.
 */
enum ConfigSchemas {
    ACTORS("actors.schema.json"),
    WEAPONS("weapons.schema.json"),
    TRUCE("truce.schema.json"),
    CONTROL("control.schema.json"),
    CONTROL_POINTS("control-points.schema.json"),
    SECTORS("sectors.schema.json");

    /** One schema violation: the key path at fault ({@code parties[2].side}) and what is wrong. */
    record Violation(String keyPath, String message) {
    }

    /** One registry for all (an enum constant cannot read its own class's static fields). */
    private static final class Registry {
        static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    }

    private final Schema schema;

    ConfigSchemas(String file) {
        // Loaded from the class path; the schemas refer to common.schema.json next to them.
        this.schema = Registry.SCHEMAS.getSchema(SchemaLocation.of("classpath:config-schema/" + file));
    }

    List<Violation> check(JsonNode document) {
        List<Violation> violations = new ArrayList<>();
        for (Error error : schema.validate(document)) {
            violations.add(new Violation(keyPath(error), error.getMessage()));
        }
        return violations;
    }

    /**
     * The key path of the node at fault in the form {@link YamlLines} reads; for a property that
     * is not allowed, the property itself, so the line is the one to delete.
     */
    private static String keyPath(Error error) {
        StringBuilder key = new StringBuilder();
        NodePath at = error.getInstanceLocation();
        for (int i = 0; i < at.getNameCount(); i++) {
            Object element = at.getElement(i);
            if (element instanceof Integer index) {
                key.append('[').append(index).append(']');
            } else {
                key.append(key.length() == 0 ? "" : ".").append(element);
            }
        }
        if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
            key.append(key.length() == 0 ? "" : ".").append(error.getProperty());
        }
        return key.length() == 0 ? "(document)" : key.toString();
    }
}
