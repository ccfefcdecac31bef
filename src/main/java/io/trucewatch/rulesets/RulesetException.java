package io.trucewatch.rulesets;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A ruleset that cannot be put into service: every error names its file and, where known, the
 * line, column and key. The message lists them all, so a failed start-up says what to fix.
 */
public class RulesetException extends RuntimeException {

    /** One problem in one file; line and column are 0 when unknown. */
    public record Error(String file, int line, int column, String message) {
        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + message;
        }
    }

    private final List<Error> errors;

    public RulesetException(List<Error> errors) {
        super("invalid ruleset:\n  " + errors.stream().map(Error::toString).collect(Collectors.joining("\n  ")));
        this.errors = List.copyOf(errors);
    }

    public RulesetException(String file, int line, int column, String message) {
        this(List.of(new Error(file, line, column, message)));
    }

    public List<Error> errors() {
        return errors;
    }
}
