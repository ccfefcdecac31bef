package io.trucewatch.alerts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a subscription's filter selects: a report's event by its admin1, a pattern's by its areas. */
class EventFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void aReportsEventIsSelectedByItsAdmin1IgnoringCase() throws Exception {
        JsonNode report = json("""
                {"verdict":"PROBABLE_VIOLATION","evaluations":[],"incident":{"admin1":"Aleppo"}}""");
        assertTrue(new EventFilter(List.of(), List.of(), List.of(), "aleppo").matches(report));
        assertFalse(new EventFilter(List.of(), List.of(), List.of(), "Idleb").matches(report));
    }

    @Test
    void aPatternsEventIsSelectedByAnyOfItsAreas() throws Exception {
        JsonNode pattern = json("""
                {"verdict":"PROBABLE_VIOLATION","evaluations":[{"truce":"syria-coh-2016","verdict":"PROBABLE_VIOLATION",
                 "violating_parties":["Government of Syria"]}],
                 "pattern":{"pattern":"coordinated-offensive","areas":["Aleppo","Hama","Lattakia"]}}""");
        assertTrue(new EventFilter(List.of(), List.of(), List.of(), "hama").matches(pattern));
        assertFalse(new EventFilter(List.of(), List.of(), List.of(), "Idleb").matches(pattern));
        assertTrue(new EventFilter(List.of("syria-coh-2016"), List.of(), List.of("Government of Syria"), "Lattakia").matches(pattern),
                "truce, party and area together");
    }
}
