package io.trucewatch.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a request body as exactly one JSON value (RFC 8259), refusing what lenient parsing would
 * let through and what would later break the service:
 * <ul>
 * <li>more than one value, or anything but blanks after it;</li>
 * <li>a field twice in one object: which one counts would be a parser's choice, and a refused
 * first value could hide behind an accepted second;</li>
 * <li>an unpaired UTF-16 surrogate ({@code "\ud800"}): not a character, and no UTF-8 writer can
 * write it back out (an export would fail half-way);</li>
 * <li>nesting deeper than {@value #MAX_DEPTH}, a number longer than {@value #MAX_NUMBER_LENGTH}
 * characters or a field name longer than {@value #MAX_NAME_LENGTH}: no body of this API needs
 * them, and they cost time and stack to read.</li>
 * </ul>
 * Strings have no limit of their own: none can be longer than its body, whose size is checked
 * before ({@link RequestBodies#text}).
 *
 * <p>Errors are 400 problems in words of our own, naming the field by its path
 * ({@code filter.truces[1]}); a parser's messages name its own classes and settings, which mean
 * nothing to a client.
 */
public final class StrictJson {

    public static final int MAX_DEPTH = 32;
    public static final int MAX_NUMBER_LENGTH = 64;
    public static final int MAX_NAME_LENGTH = 256;
    /** At most this many field errors in one answer: a body full of bad strings needs no longer list. */
    static final int MAX_ERRORS = 50;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxNameLength(MAX_NAME_LENGTH)
                    .build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String INCOMPLETE = "ends before its JSON value is complete";

    private StrictJson() {
    }

    /** The body as a JSON object, or a 400 problem. */
    public static ObjectNode object(String body) {
        JsonNode value = value(body);
        if (!value.isObject()) {
            throw ProblemException.invalid("(body)", "must be a JSON object {…}");
        }
        return (ObjectNode) value;
    }

    /** The body as one JSON value of any kind, or a 400 problem. */
    public static JsonNode value(String body) {
        if (body.isBlank()) {
            throw ProblemException.invalid("(body)", "empty: send a JSON object");
        }
        Reader reader = new Reader();
        try (JsonParser parser = FACTORY.createParser(body)) {
            reader.parser = parser;
            parser.nextToken();
            JsonNode value = reader.value("");
            reader.valueEnded = true;
            if (parser.nextToken() != null) {
                throw trailing(parser.currentLocation());
            }
            if (!reader.errors.isEmpty()) {
                throw ProblemException.invalid(reader.errors);
            }
            return value;
        } catch (JsonProcessingException e) {
            if (reader.valueEnded) {
                throw trailing(e.getLocation());
            }
            if (e instanceof StreamConstraintsException overLimit) {
                throw ProblemException.invalid("(body)", overLimit(overLimit));
            }
            if (e instanceof JsonEOFException) {
                throw ProblemException.invalid("(body)", INCOMPLETE);
            }
            throw ProblemException.invalid("(body)", "not valid JSON" + at(e.getLocation()));
        } catch (IOException e) {
            // Reading from a string in memory: no I/O happens.
            throw new UncheckedIOException(e);
        }
    }

    private static ProblemException trailing(JsonLocation location) {
        return ProblemException.invalid("(body)", "has more after its JSON value ends" + at(location)
                + "; send exactly one JSON value");
    }

    /** Which limit was passed, in words; the parser says it only in its own message. */
    private static String overLimit(StreamConstraintsException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("nesting depth")) {
            return "nested more than " + MAX_DEPTH + " levels deep (objects and arrays within each other)";
        }
        if (message.contains("number")) {
            return "has a number longer than " + MAX_NUMBER_LENGTH + " characters";
        }
        if (message.contains("name")) {
            return "has a field name longer than " + MAX_NAME_LENGTH + " characters";
        }
        return "exceeds what this API reads: at most " + MAX_DEPTH + " levels of nesting, numbers of at most "
                + MAX_NUMBER_LENGTH + " characters, field names of at most " + MAX_NAME_LENGTH + " characters";
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Builds the tree token by token, so that every string and field name is checked with its path. */
    private static final class Reader {
        JsonParser parser;
        boolean valueEnded;
        final List<Problem.FieldError> errors = new ArrayList<>();

        JsonNode value(String path) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == null) {
                throw ProblemException.invalid("(body)", INCOMPLETE);
            }
            return switch (token) {
                case START_OBJECT -> object(path);
                case START_ARRAY -> array(path);
                case VALUE_STRING -> NODES.textNode(checked(parser.getText(), path, "the value"));
                case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
                case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
                case VALUE_TRUE -> NODES.booleanNode(true);
                case VALUE_FALSE -> NODES.booleanNode(false);
                case VALUE_NULL -> NODES.nullNode();
                // The parser hands out only value tokens here; anything else is a syntax error it reports itself.
                default -> throw ProblemException.invalid("(body)", "not valid JSON" + at(parser.currentLocation()));
            };
        }

        private ObjectNode object(String path) throws IOException {
            ObjectNode object = NODES.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                String fieldPath = (path.isEmpty() ? "" : path + ".") + WellFormedText.of(name);
                checked(name, fieldPath, "the field name");
                if (object.has(name)) {
                    error(fieldPath, "appears more than once in the same object; send each field once");
                }
                parser.nextToken();
                JsonNode value = value(fieldPath);
                if (!object.has(name)) {
                    object.set(name, value);
                }
            }
            return object;
        }

        private ArrayNode array(String path) throws IOException {
            ArrayNode array = NODES.arrayNode();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                array.add(value(path + "[" + array.size() + "]"));
            }
            return array;
        }

        private String checked(String text, String path, String what) {
            int at = WellFormedText.firstLoneSurrogate(text);
            if (at >= 0) {
                error(path.isEmpty() ? "(body)" : path, what + " holds \\u" + Integer.toHexString(text.charAt(at))
                        .toUpperCase(Locale.ROOT) + " (character " + (at + 1) + ") without the other half "
                        + "of its surrogate pair: that is not a character; send text as UTF-8, or escape a character "
                        + "beyond U+FFFF as both halves");
            }
            int nul = text.indexOf(WellFormedText.NUL);
            if (nul >= 0) {
                error(path.isEmpty() ? "(body)" : path, what + " holds the NUL character (U+0000, character "
                        + (nul + 1) + "): no report needs it, and text holding it cannot be stored; remove it");
            }
            return text;
        }

        private void error(String field, String message) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(new Problem.FieldError(field, message));
            }
        }
    }
}
