package io.trucewatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The last check on every problem: internals are replaced, plain messages (echoed input too) pass. */
class PlainProblemsTest {

    @Test
    void messages_naming_internals_are_replaced() {
        for (String leak : List.of(
                "Unrecognized field \"x\" (class io.trucewatch.reevaluation.DryRunResource$DryRunRequest)",
                "Cannot coerce; enable DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY",
                "java.lang.IllegalStateException: boom", "at [Source: REDACTED; line: 1]",
                "failed: com.fasterxml.jackson.core.JsonParseException")) {
            assertTrue(PlainProblems.namesInternals(leak), leak);
            Problem plain = PlainProblems.plain(new Problem("/problems/invalid-request", "The request is not valid",
                    400, "1 field(s) are not valid: (body)", List.of(new Problem.FieldError("(body)", leak))));
            assertEquals(PlainProblems.PLAIN_MESSAGE, plain.errors().get(0).message());
            assertEquals("(body)", plain.errors().get(0).field());
            Plain.assertPlain(plain.toString());
        }
    }

    @Test
    void plain_messages_and_echoed_input_pass_untouched() {
        for (String fine : List.of("'2016-02-30' is not a date YYYY-MM-DD", "not a URL: http://java.example/x y",
                "'Foo' is not one of [A, B]", "must be between -90 and 90")) {
            assertFalse(PlainProblems.namesInternals(fine), fine);
        }
        Problem problem = new Problem("t", "T", 400, "d", List.of(new Problem.FieldError("a", "must be a string")));
        assertSame(problem, PlainProblems.plain(problem));
    }
}
