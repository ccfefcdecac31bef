package io.trucewatch.corroboration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.trucewatch.evaluation.Evaluation;
import io.trucewatch.evaluation.Evaluator;
import io.trucewatch.evaluation.SyriaRulesFixture;
import io.trucewatch.incidents.IncidentReport;
import io.trucewatch.incidents.ReportParser;
import io.trucewatch.incidents.StoredReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The corroboration scenarios (src/test/resources/corroboration/scenarios.yaml): reports as monitors
 * send them, resolved by the real registry, and exactly the events they must form; each scenario
 * also in reverse and shuffled, which must form the same events.
 */
class CorroborationScenarioTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record File(List<Scenario> scenarios) {
    }

    record Scenario(String name, List<JsonNode> reports, Expect expect) {
    }

    record Expect(List<List<Integer>> events) {
    }

    @TestFactory
    Stream<DynamicTest> every_scenario_forms_exactly_its_events_in_any_order() throws IOException {
        File file = YAML.readValue(Files.readString(Path.of("src/test/resources/corroboration/scenarios.yaml")), File.class);
        assertTrue(file.scenarios().size() >= 8, "scenarios: " + file.scenarios().size());
        return file.scenarios().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> check(s)));
    }

    private static void check(Scenario scenario) {
        List<LinkableReport> reports = new ArrayList<>();
        for (int i = 0; i < scenario.reports().size(); i++) {
            IncidentReport report = ReportParser.parse(scenario.reports().get(i).toString());
            Evaluation evaluation = Evaluator.evaluate(report, SyriaRulesFixture.ruleset());
            // Ids in report order, so that ties in the linking order fall the way the file is read.
            reports.add(LinkableReport.of(String.format("r%02d", i + 1), StoredReports.reportJson(report, evaluation.actors())));
        }
        List<List<Integer>> expected = new ArrayList<>();
        scenario.expect().events().forEach(group -> expected.add(group.stream().sorted().toList()));
        expected.sort((a, b) -> a.get(0) - b.get(0));
        List<List<Integer>> written = groups(EventLinking.linkAll(reports, Map.of()));
        assertEquals(expected, written, scenario.name());
        List<LinkableReport> reversed = new ArrayList<>(reports);
        Collections.reverse(reversed);
        List<LinkableReport> shuffled = new ArrayList<>(reports);
        Collections.shuffle(shuffled, new Random(7));
        assertEquals(written, groups(EventLinking.linkAll(reversed, Map.of())), "reversed");
        assertEquals(written, groups(EventLinking.linkAll(shuffled, Map.of())), "shuffled");
    }

    /** Events as groups of 1-based report positions, each sorted, in order of their first report. */
    private static List<List<Integer>> groups(Map<String, EventLinking.Link> links) {
        Map<String, TreeSet<Integer>> byEvent = new TreeMap<>();
        links.forEach((id, link) -> byEvent.computeIfAbsent(link.eventId(), e -> new TreeSet<>())
                .add(Integer.parseInt(id.substring(1))));
        List<List<Integer>> groups = new ArrayList<>();
        byEvent.values().forEach(g -> groups.add(List.copyOf(g)));
        groups.sort((a, b) -> a.get(0) - b.get(0));
        return groups;
    }
}
