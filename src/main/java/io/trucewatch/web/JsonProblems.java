package io.trucewatch.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * Where a JSON body went wrong, in words for the client: the field path and the line and column.
 * Jackson's own messages name Java types and its settings, which are nobody's business outside.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    /** ": at files.rules/x.drl (line 1, column 12)", or "" when nothing is known. */
    public static String where(IOException e) {
        StringBuilder where = new StringBuilder();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            where.append(" at ").append(mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "["));
        }
        if (e instanceof JsonProcessingException processing) {
            JsonLocation location = processing.getLocation();
            if (location != null && location.getLineNr() > 0) {
                where.append(" (line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr()).append(')');
            }
        }
        return where.isEmpty() ? "" : ":" + where;
    }
}
