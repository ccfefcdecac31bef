package io.trucewatch.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem detail, as every error of the API is answered (CONTRACT §4). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending field of a request, named as the client wrote it (snake_case). */
    public record FieldError(String field, String message) {
    }
}
