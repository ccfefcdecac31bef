package io.trucewatch.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Exported text cells: never a formula, never an unpaired surrogate, and back unchanged on import. */
class CsvCellsTest {

    @Test
    void formula_like_text_gets_an_apostrophe_and_loses_exactly_one_on_import() {
        for (String value : List.of("=1+2", "+cmd", "-2 killed", "@SUM(A1)", "\tx", "\rx", "'=x", "''+y")) {
            String exported = CsvCells.exported(value);
            assertEquals("'" + value, exported);
            assertEquals(value, CsvCells.imported(exported));
        }
    }

    @Test
    void other_text_is_left_as_it_is_both_ways() {
        for (String value : List.of("Aleppo", "'quoted'", "a=b", "😀", "حلب", "e\u0301", "nul\u0000", "", "' x")) {
            assertEquals(value, CsvCells.exported(value));
            assertEquals(value, CsvCells.imported(value));
        }
    }

    @Test
    void unpaired_surrogates_become_the_replacement_character() {
        assertEquals("a\uFFFDb", CsvCells.exported("a\ud800b"));
        assertEquals("\uFFFD=x", CsvCells.exported("\udc00=x"));
        assertEquals("'=\uFFFD", CsvCells.exported("=\ud800"));
    }
}
