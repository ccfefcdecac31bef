package io.trucewatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Request bodies are UTF-8 or refused, never repaired: two different bodies cannot become one text. */
class RequestBodiesTest {

    private static byte[] bytes(String before, byte[] bad, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static Problem.FieldError refused(byte[] body) {
        ProblemException e = assertThrows(ProblemException.class, () -> RequestBodies.text(body, 1000, "report"));
        assertEquals(400, e.status());
        Plain.assertPlain(e.toProblem().toString());
        assertEquals(1, e.toProblem().errors().size());
        return e.toProblem().errors().get(0);
    }

    @Test
    void bytes_that_are_not_utf8_are_refused_with_their_offset() {
        String before = "{\"external_id\":\"x";
        int offset = before.getBytes(StandardCharsets.UTF_8).length;
        for (byte[] bad : List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3, 0x28},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF})) {
            Problem.FieldError error = refused(bytes(before, bad, "\"}"));
            assertEquals("(body)", error.field());
            assertTrue(error.message().contains("offset " + offset), error.message());
        }
        assertTrue(refused(bytes("ab", new byte[] {(byte) 0xE2, (byte) 0x82}, "")).message().contains("offset 2"));
    }

    @Test
    void different_bytes_never_collapse_into_one_text() {
        // Before: both became "x\uFFFD", i.e. one external_id for two different reports.
        refused(bytes("x", new byte[] {(byte) 0xFE}, ""));
        refused(bytes("x", new byte[] {(byte) 0xFF}, ""));
        assertNotEquals(RequestBodies.text("x\uFFFD".getBytes(StandardCharsets.UTF_8), 10, "report"), "x");
    }

    @Test
    void valid_utf8_comes_through_unchanged_and_a_leading_byte_order_mark_is_dropped() {
        String text = "😀 حلب Донецьк e\u0301 \u200F";
        assertEquals(text, RequestBodies.text(text.getBytes(StandardCharsets.UTF_8), 1000, "report"));
        assertEquals("{}", RequestBodies.text(bytes("", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "{}"),
                100, "report"));
    }

    @Test
    void the_size_limit_comes_first_and_is_a_413() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> RequestBodies.text(new byte[] {(byte) 0xFF, 1, 2}, 2, "review"));
        assertEquals(413, e.status());
    }

    record Candidate(String version, java.util.Map<String, String> files) {
    }

    @Test
    void binding_names_the_field_that_does_not_fit_without_naming_types() {
        ProblemException unknown = assertThrows(ProblemException.class,
                () -> RequestBodies.bind(StrictJson.object("{\"versoin\":\"x\"}"), Candidate.class));
        assertEquals("versoin", unknown.toProblem().errors().get(0).field());
        Plain.assertPlain(unknown.toProblem().toString());
        ProblemException wrongType = assertThrows(ProblemException.class,
                () -> RequestBodies.bind(StrictJson.object("{\"files\":{\"a\":[1]}}"), Candidate.class));
        assertEquals("files.a", wrongType.toProblem().errors().get(0).field());
        Plain.assertPlain(wrongType.toProblem().toString());
        assertEquals("v1", RequestBodies.bind(StrictJson.object("{\"version\":\"v1\"}"), Candidate.class).version());
    }
}
