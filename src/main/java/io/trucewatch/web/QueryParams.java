package io.trucewatch.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads query parameters as strings and checks them, so a bad one is a 400 naming it rather than
 * the 404 that JAX-RS gives for a query parameter it cannot convert.
 */
public final class QueryParams {

    public static final int MAX_PAGE_SIZE = 200;

    private final List<Problem.FieldError> errors = new ArrayList<>();

    public int page(String value) {
        Integer page = integer("page", value, 0);
        if (page != null && page < 0) {
            errors.add(new Problem.FieldError("page", "must be 0 or more"));
        }
        return page == null ? 0 : page;
    }

    public int size(String value) {
        Integer size = integer("size", value, 20);
        if (size != null && (size < 1 || size > MAX_PAGE_SIZE)) {
            errors.add(new Problem.FieldError("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        return size == null ? 20 : size;
    }

    public LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(name, "'" + echo(value) + "' is not a date YYYY-MM-DD"));
            return null;
        }
        Optional<String> implausible = DateRanges.queryDay(date);
        implausible.ifPresent(message -> errors.add(new Problem.FieldError(name, message)));
        return implausible.isPresent() ? null : date;
    }

    public <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(name, "'" + echo(value) + "' is not one of "
                    + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    /** A parameter's value without surrounding blanks; null when absent or blank ("any"). */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public void error(String name, String message) {
        errors.add(new Problem.FieldError(name, message));
    }

    /** Throws a 400 naming every bad parameter, if there is one. */
    public void check() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** A value as an error message may quote it: well formed, and short. */
    private static String echo(String value) {
        String text = WellFormedText.of(value);
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }

    private Integer integer(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(name, "'" + echo(value) + "' is not an integer"));
            return null;
        }
    }
}
