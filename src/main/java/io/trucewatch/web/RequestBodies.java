package io.trucewatch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** What every endpoint taking a raw body checks first: its size, that it is a JSON object, its field names. */
public final class RequestBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestBodies() {
    }

    /** The body as UTF-8 text, or a 413 problem naming the limit ({@code what}: "report", "review"…). */
    public static String text(byte[] body, int limit, String what) {
        if (body.length > limit) {
            throw new ProblemException(413, "/problems/too-large",
                    Character.toUpperCase(what.charAt(0)) + what.substring(1) + " too large",
                    "A " + what + " may be at most " + limit + " bytes; this one is " + body.length,
                    List.of(new Problem.FieldError("(body)", "larger than " + limit + " bytes")));
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as a JSON object, or a 400 problem on "(body)". */
    public static JsonNode object(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("(body)", "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw ProblemException.invalid("(body)", "must be a JSON object");
        }
        return root;
    }

    /** Adds an error for every field of {@code node} not in {@code known}, named with {@code prefix}. */
    public static void unknownFields(JsonNode node, Set<String> known, String prefix, List<Problem.FieldError> errors) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(new Problem.FieldError(prefix + name, "unknown field; expected one of " + known));
            }
        }
    }
}
