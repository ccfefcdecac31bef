package io.trucewatch.rulesets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.trucewatch.access.As;
import io.trucewatch.audit.CanonicalJson;
import io.trucewatch.evaluation.Evaluation;
import io.trucewatch.evaluation.Evaluator;
import io.trucewatch.incidents.Incident;
import io.trucewatch.incidents.IncidentReport;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A verdict can be reproduced from the database alone: the ruleset version it names is stored
 * file by file, recompiles to the same version, and judges the stored report the same way.
 */
@QuarkusTest
class ReproducibilityTest {

    @Inject
    RulesetStore store;

    @Test
    void aStoredVerdictIsReproducedFromTheStoredRuleset() {
        Map<String, Object> report = Map.of("event_date", "2016-04-11", "event_type", "Battles",
                "sub_event_type", "Non-state actor overtakes territory", "actor1", "Jabhat al-Nusra",
                "assoc_actor_1", "Free Syrian Army", "actor2", "SAA", "country", "Syria", "admin1", "Lattakia");
        String id = As.monitor().contentType(ContentType.JSON).body(report).post("/api/incidents").then()
                .statusCode(201).extract().path("id");
        Incident stored = QuarkusTransaction.requiringNew().call(() -> Incident.<Incident>findById(id));

        RulesetSnapshot files = store.load(stored.judged.rulesetVersion);
        assertEquals(stored.judged.rulesetVersion, files.version(), "the stored files hash to the version they were stored as");
        Ruleset recompiled = Ruleset.compile(files);

        ObjectNode incident = (ObjectNode) CanonicalJson.parse(stored.judged.reportJson);
        incident.remove("resolved_actors");
        IncidentReport storedReport = CanonicalJson.read(incident.toString(), IncidentReport.class);
        Evaluation replayed = Evaluator.evaluate(storedReport, recompiled);

        assertEquals(stored.judged.verdict, replayed.verdict().name());
        JsonNode original = CanonicalJson.parse(stored.judged.evaluationJson);
        assertEquals(CanonicalJson.write(original.get(0).get("findings")),
                CanonicalJson.write(replayed.evaluations().get(0).findings()));
        assertEquals(CanonicalJson.write(original.get(0).get("fired_rules")),
                CanonicalJson.write(replayed.evaluations().get(0).firedRules()));
    }
}
