package io.trucewatch.rulesets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlLinesTest {

    private static final String FILE = """
            # a comment
            scenarios:
              - name: first
                incident:
                  scenarios: [not, this, one]
              # between
              - name: second

              - name: third
            other: [1, 2]
            """;

    @Test
    void each_item_of_a_top_level_sequence_has_its_own_line_from_one_parse() {
        assertEquals(List.of(3, 7, 9), YamlLines.itemLines(FILE, "scenarios"));
        // The same lines as asking for each item by its path.
        for (int i = 0; i < 3; i++) {
            assertEquals(YamlLines.lineOf(FILE, "scenarios[" + i + "]"), YamlLines.itemLines(FILE, "scenarios").get(i));
        }
    }

    @Test
    void a_missing_key_a_scalar_or_broken_yaml_has_no_item_lines() {
        assertEquals(List.of(), YamlLines.itemLines(FILE, "patterns"));
        assertEquals(List.of(), YamlLines.itemLines("scenarios: none\n", "scenarios"));
        assertEquals(List.of(), YamlLines.itemLines("scenarios: [unclosed\n", "scenarios"));
        assertEquals(0, YamlLines.lineOf("scenarios: [unclosed\n", "scenarios[0]"));
    }
}
