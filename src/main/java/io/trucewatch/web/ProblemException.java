package io.trucewatch.web;

import java.util.List;

/** Thrown anywhere a request must be refused; answered as problem+json by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(400, "/problems/invalid-request", "The request is not valid",
                errors.size() + " field(s) are not valid: " + String.join(", ",
                        errors.stream().map(Problem.FieldError::field).distinct().toList()), errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "/problems/not-found", "Not found", what + " does not exist", List.of());
    }

    public Problem toProblem() {
        return new Problem(type, title, status, getMessage(), errors);
    }

    public int status() {
        return status;
    }
}
