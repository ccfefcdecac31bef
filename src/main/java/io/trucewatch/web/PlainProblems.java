package io.trucewatch.web;

import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The last check before a problem leaves: its texts must be about the request, in plain words.
 * A message naming program internals (a Java class, a parser's setting, an exception) tells a
 * client nothing it can act on and tells an attacker what runs here; it is replaced by a plain
 * one, and logged, so that whoever wrote it can word it properly. Messages of this package and of
 * the parsers (ReportParser, StrictJson) are written in plain words to begin with.
 */
final class PlainProblems {

    private static final Logger LOG = Logger.getLogger(PlainProblems.class);

    /** A qualified Java name (package, then a capitalised class), a parser's settings or its diagnostics. */
    static final Pattern INTERNAL = Pattern.compile(
            "\\b(?:java|javax|jakarta|com\\.fasterxml|org\\.jboss|org\\.hibernate|org\\.h2|org\\.drools|org\\.kie"
                    + "|io\\.quarkus|io\\.vertx|io\\.netty|io\\.smallrye|io\\.trucewatch)(?:\\.[a-z_$][\\w$]*)*\\.[A-Z]"
                    + "|\\b[A-Z]\\w*(?:Exception|Feature)\\b"
                    + "|\\bJackson\\b|\\(class |\\[Source: |reference chain"
                    + "|\\bStreamReadConstraints\\b");

    static final String PLAIN_DETAIL = "The request is not valid as sent";
    static final String PLAIN_MESSAGE = "not valid as sent";

    private PlainProblems() {
    }

    static boolean namesInternals(String text) {
        return text != null && INTERNAL.matcher(text).find();
    }

    /** {@code problem}, with every text that names internals replaced by a plain one. */
    static Problem plain(Problem problem) {
        boolean detailLeaks = namesInternals(problem.detail());
        boolean errorLeaks = problem.errors() != null
                && problem.errors().stream().anyMatch(e -> namesInternals(e.message()) || namesInternals(e.field()));
        if (!detailLeaks && !errorLeaks) {
            return problem;
        }
        LOG.warnf("A problem named program internals; answered in plain words instead. Original: %s", problem);
        List<Problem.FieldError> errors = problem.errors() == null ? null : problem.errors().stream()
                .map(e -> new Problem.FieldError(namesInternals(e.field()) ? "(body)" : e.field(),
                        namesInternals(e.message()) || namesInternals(e.field()) ? PLAIN_MESSAGE : e.message()))
                .toList();
        return new Problem(problem.type(), problem.title(), problem.status(),
                detailLeaks ? PLAIN_DETAIL : problem.detail(), errors);
    }
}
