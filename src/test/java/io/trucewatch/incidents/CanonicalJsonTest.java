package io.trucewatch.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.trucewatch.audit.CanonicalJson;
import io.trucewatch.evaluation.Evaluation;
import io.trucewatch.evaluation.Evaluator;
import io.trucewatch.evaluation.SyriaRulesFixture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CanonicalJson writes in one pass what its definition says: the text of the value turned into a
 * plain Map tree first, whose maps are then written with their keys sorted. That definition is
 * kept here, and the two must give the same text for everything the service hashes or stores:
 * a changed text would change content hashes (a resubmitted report would become a conflict) and
 * the hashes of new audit entries.
 */
class CanonicalJsonTest {

    private static final ObjectMapper DEFINITION = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private static String byDefinition(Object value) throws JsonProcessingException {
        return DEFINITION.writeValueAsString(DEFINITION.convertValue(value, Object.class));
    }

    private static final Instant RECEIVED = Instant.parse("2026-12-01T17:00:00.123456Z");

    /** What the service writes for one report: its stored forms, audit data, view and event. */
    private static List<Object> writtenFor(IncidentReport report) {
        Evaluation evaluation = Evaluator.evaluate(report, SyriaRulesFixture.ruleset());
        Incident incident = new Incident();
        incident.id = "inc-1";
        incident.externalId = report.externalId();
        incident.submittedBy = "monitor@example.org";
        incident.receivedAt = RECEIVED;
        incident.currentVersion = 1;
        incident.judged = JudgedReport.of("0".repeat(64), report, evaluation);
        incident.reviewStatus = ReviewStatus.initialFor(evaluation.verdict()).name();
        IncidentView view = IncidentView.of(incident);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "verdict.created");
        event.put("data", view);
        return List.of(report, evaluation, StoredForms.incident(report, evaluation.actors()),
                StoredForms.evaluations(evaluation), IncidentService.received(report, "0".repeat(64), RECEIVED),
                IncidentService.evaluated(1, evaluation), view, event, IncidentService.eventData(view),
                // A JSON tree whose fields are in the order they were read, not sorted.
                CanonicalJson.parse(incident.judged.reportJson));
    }

    @Test
    void theOnePassTextIsTheDefinitionsTextForEverythingWrittenForEveryRealReport() throws JsonProcessingException {
        List<IncidentReport> reports = RealReports.all();
        assertTrue(reports.size() > 500, "the regression set's reports: " + reports.size());
        for (IncidentReport report : reports) {
            for (Object value : writtenFor(report)) {
                assertEquals(byDefinition(value), CanonicalJson.write(value),
                        () -> report.externalId() + ": " + value.getClass().getSimpleName());
            }
        }
    }

    record Unsorted(String zulu, Map<String, Object> mike, String alphaBravo, Instant when, String absent) {
    }

    @Test
    void keysAreSortedAtEveryDepthAndAbsentValuesLeftOut() throws JsonProcessingException {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("y", 1);
        inner.put("n", null);
        inner.put("b", List.of(CanonicalJson.parse("{\"q\":1,\"c\":{\"z\":true,\"a\":null}}")));
        Unsorted value = new Unsorted("z", inner, "a", Instant.parse("2016-02-26T22:00:00Z"), null);
        String expected = "{\"alpha_bravo\":\"a\",\"mike\":{\"b\":[{\"c\":{\"z\":true},\"q\":1}],\"y\":1},"
                + "\"when\":\"2016-02-26T22:00:00Z\",\"zulu\":\"z\"}";
        assertEquals(expected, CanonicalJson.write(value));
        assertEquals(byDefinition(value), CanonicalJson.write(value));
    }

    @Test
    void theSameContentInAnotherOrderHashesTheSame() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("b", 2);
        one.put("a", List.of(1, 2));
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("a", new ArrayList<>(List.of(1, 2)));
        other.put("b", 2);
        assertEquals(CanonicalJson.sha256Hex(CanonicalJson.write(one)), CanonicalJson.sha256Hex(CanonicalJson.write(other)));
    }
}
