package io.trucewatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strict JSON reading of every request body: each refusal names the field and says why in plain words. */
class StrictJsonTest {

    private static Problem refused(String json) {
        ProblemException e = assertThrows(ProblemException.class, () -> StrictJson.object(json), json);
        Problem problem = e.toProblem();
        assertEquals(400, problem.status());
        Plain.assertPlain(problem.toString());
        return problem;
    }

    private static List<String> fields(Problem problem) {
        return problem.errors().stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void nesting_is_limited_and_said_in_words_however_deep_it_goes() {
        String deep = "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}";
        Problem problem = refused(deep);
        assertEquals(List.of("(body)"), fields(problem));
        assertTrue(problem.errors().get(0).message().contains("nested more than 32 levels"), problem.toString());
        refused("{\"a\":" + "[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH) + "}");
        StrictJson.object("{\"a\":" + "[".repeat(StrictJson.MAX_DEPTH - 1) + "]".repeat(StrictJson.MAX_DEPTH - 1) + "}");
    }

    @Test
    void numbers_are_limited_in_length_integers_and_decimals_alike() {
        assertTrue(refused("{\"fatalities\":" + "9".repeat(1000) + "}").errors().get(0).message().contains("number"));
        refused("{\"latitude\":1." + "1".repeat(1000) + "}");
        JsonNode longest = StrictJson.object("{\"n\":" + "9".repeat(StrictJson.MAX_NUMBER_LENGTH) + "}");
        assertEquals(StrictJson.MAX_NUMBER_LENGTH, longest.get("n").bigIntegerValue().toString().length());
    }

    @Test
    void a_field_twice_is_named_with_its_path_even_when_the_last_one_is_valid() {
        Problem problem = refused("{\"event_date\":\"nonsense\",\"filter\":{\"truces\":[],\"truces\":[\"x\"]},"
                + "\"event_date\":\"2016-04-10\"}");
        assertEquals(List.of("filter.truces", "event_date"), fields(problem));
        assertTrue(problem.errors().get(0).message().contains("more than once"));
    }

    @Test
    void nothing_may_follow_the_value_but_blanks() {
        refused("{\"a\":1} {\"a\":2}");
        refused("{\"a\":1} x");
        refused("{\"a\":1},");
        assertEquals(1, StrictJson.object(" {\"a\":1}\r\n\t ").get("a").intValue());
    }

    @Test
    void an_unpaired_surrogate_is_named_where_it_is_in_values_and_in_field_names() {
        Problem problem = refused("{\"actors\":[{\"name\":\"ok\"},{\"name\":\"Liwa\\ud800\"}],\"notes\":\"\\udc00\","
                + "\"x\\ud83d\":1,\"end\":\"\\ud83d\"}");
        assertEquals(List.of("actors[1].name", "notes", "x\uFFFD", "end"), fields(problem));
        assertTrue(problem.errors().get(0).message().contains("\\uD800"), problem.toString());
    }

    @Test
    void characters_beyond_the_basic_plane_are_accepted_escaped_or_not() {
        JsonNode body = StrictJson.object("{\"a\":\"\\ud83d\\ude00\",\"b\":\"😀 حلب Донецьк e\u0301\"}");
        assertEquals("😀", body.get("a").textValue());
        assertEquals("😀 حلب Донецьк e\u0301", body.get("b").textValue());
    }

    @Test
    void syntax_errors_give_a_line_and_column_not_the_parsers_words() {
        Problem problem = refused("{\n  \"a\": NaN\n}");
        assertTrue(problem.errors().get(0).message().contains("line 2"), problem.toString());
        refused("{\"a\": 'single'}");
        refused("{/* comment */ \"a\": 1}");
        refused("{\"a\": \"raw\u0000control\"}");
        refused("{\"a\": [1, 2");
        refused("[1, 2]");
        refused("   ");
        refused("{\"" + "n".repeat(StrictJson.MAX_NAME_LENGTH + 1) + "\": 1}");
    }
}
