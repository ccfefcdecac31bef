package io.trucewatch.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * What every endpoint taking a raw body checks first: its size, that it is UTF-8, that it is one
 * strict JSON value ({@link StrictJson}), its field names. The media type is checked before any of
 * this, by {@link ContentTypeCheck}.
 */
public final class RequestBodies {

    /** Binds checked trees to records; unknown fields are refused. */
    private static final ObjectMapper BINDER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RequestBodies() {
    }

    /**
     * The body as text: a 413 problem naming the limit ({@code what}: "report", "review"…) when it
     * is larger; a 400 naming the byte offset when it is not UTF-8. Bytes that are not UTF-8 are
     * never replaced: two different bodies must not become one text (one external_id).
     * A leading byte-order mark, which spreadsheet programs write, is dropped.
     */
    public static String text(byte[] body, int limit, String what) {
        if (body.length > limit) {
            throw new ProblemException(413, "/problems/too-large",
                    Character.toUpperCase(what.charAt(0)) + what.substring(1) + " too large",
                    "A " + what + " may be at most " + limit + " bytes; this one is " + body.length,
                    List.of(new Problem.FieldError("(body)", "larger than " + limit + " bytes")));
        }
        String text = utf8(body);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The body as a JSON object, or a 400 problem on "(body)" or on the offending field. */
    public static ObjectNode object(String body) {
        return StrictJson.object(body);
    }

    /**
     * A checked JSON object bound to {@code type} (field names as the record's components), or a
     * 400 naming the field that does not fit, in words of our own.
     */
    public static <T> T bind(JsonNode body, Class<T> type) {
        try {
            return BINDER.treeToValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw ProblemException.invalid(path(e), "unknown field; expected one of " + e.getKnownPropertyIds());
        } catch (JsonMappingException e) {
            throw ProblemException.invalid(path(e), "does not have the type this field takes");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ProblemException.invalid("(body)", "does not have the shape this endpoint takes");
        }
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

    /** Strict UTF-8: the first byte that does not decode is reported with its offset, never replaced. */
    private static String utf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        // UTF-8 never gives more chars than bytes.
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int length = Math.min(Math.max(result.length(), 1), body.length - offset);
            throw ProblemException.invalid("(body)", "not UTF-8 at byte offset " + offset + " (0x"
                    + HexFormat.of().formatHex(body, offset, offset + length) + "): send the body encoded as UTF-8");
        }
        return out.flip().toString();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }
}
