package io.trucewatch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Text that is Unicode: no half of a UTF-16 surrogate pair without its other half. Such a half is
 * not a character, has no UTF-8 form, and makes a UTF-8 writer fail in the middle of a response.
 * Requests carrying one are refused ({@link StrictJson}); text stored before that rule existed is
 * repaired where it is written out, with U+FFFD, the character Unicode reserves for exactly this.
 *
 * <p>The NUL character (U+0000) is refused the same way: no report needs it, and PostgreSQL cannot
 * store it in text at all, so accepting it would mean losing or altering what was accepted.
 */
public final class WellFormedText {

    public static final char REPLACEMENT = '\uFFFD';
    public static final char NUL = '\u0000';

    private WellFormedText() {
    }

    /** The index of the first unpaired surrogate in {@code text}, or -1 when there is none. */
    public static int firstLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code text} with every unpaired surrogate replaced by U+FFFD; the same string when there is none. */
    public static String of(String text) {
        if (text == null || firstLoneSurrogate(text) < 0) {
            return text;
        }
        StringBuilder repaired = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                repaired.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                repaired.append(REPLACEMENT);
            } else {
                repaired.append(c);
            }
        }
        return repaired.toString();
    }

    /**
     * {@code text} as any database can store it, for text that is kept only to be shown (e.g. the
     * identifier of a rejected row): unpaired surrogates and NUL characters read U+FFFD.
     */
    public static String storable(String text) {
        return text == null ? null : of(text).replace(NUL, REPLACEMENT);
    }

    /** A JSON tree whose strings and field names are all well formed: {@code node} itself when they already are. */
    public static JsonNode of(JsonNode node) {
        return node == null || isWellFormed(node) ? node : repaired(node);
    }

    private static boolean isWellFormed(JsonNode node) {
        if (node.isTextual()) {
            return firstLoneSurrogate(node.textValue()) < 0;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (firstLoneSurrogate(field.getKey()) >= 0 || !isWellFormed(field.getValue())) {
                return false;
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (!isWellFormed(element)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static JsonNode repaired(JsonNode node) {
        if (node.isTextual()) {
            return JsonNodeFactory.instance.textNode(of(node.textValue()));
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(field -> copy.set(of(field.getKey()), repaired(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(repaired(element)));
            return copy;
        }
        return node;
    }
}
