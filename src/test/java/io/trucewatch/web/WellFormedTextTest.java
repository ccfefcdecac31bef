package io.trucewatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Unpaired surrogates found and repaired; everything else, pairs included, left exactly as it was. */
class WellFormedTextTest {

    @Test
    void finds_the_first_unpaired_half_wherever_it_is() {
        assertEquals(-1, WellFormedText.firstLoneSurrogate("😀 ok e\u0301 حلب"));
        assertEquals(1, WellFormedText.firstLoneSurrogate("a\ud800b"));
        assertEquals(0, WellFormedText.firstLoneSurrogate("\udc00"));
        assertEquals(2, WellFormedText.firstLoneSurrogate("😀\ud83d"));
        assertEquals(1, WellFormedText.firstLoneSurrogate("a\ude00\ud83d"), "low before high is no pair");
    }

    @Test
    void repairs_with_the_replacement_character_and_keeps_pairs() {
        assertEquals("a\uFFFDb😀\uFFFD", WellFormedText.of("a\ud800b😀\udc00"));
        String fine = "nul\u0000 \u202E rtl 👨‍👩‍👧";
        assertSame(fine, WellFormedText.of(fine));
    }

    @Test
    void repairs_json_trees_in_values_and_names_and_leaves_well_formed_trees_alone() throws Exception {
        JsonNode tree = new ObjectMapper().readTree("{\"a\":[\"x\\ud800\"],\"b\\udc00\":{\"c\":\"ok\"},\"n\":1}");
        JsonNode repaired = WellFormedText.of(tree);
        assertEquals("x\uFFFD", repaired.at("/a/0").textValue());
        assertEquals("ok", repaired.get("b\uFFFD").get("c").textValue());
        assertEquals(1, repaired.get("n").intValue());
        JsonNode fine = new ObjectMapper().readTree("{\"a\":[\"😀\"]}");
        assertSame(fine, WellFormedText.of(fine));
    }
}
