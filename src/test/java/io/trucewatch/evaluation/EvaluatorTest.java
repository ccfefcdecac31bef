package io.trucewatch.evaluation;

import static io.trucewatch.evaluation.ReportBuilder.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.trucewatch.incidents.IncidentReport;
import io.trucewatch.rulesets.Ruleset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Judging a report against one truce gives what judging it against all of them gives for that truce. */
class EvaluatorTest {

    private static final String REMOTE = "Explosions/Remote violence";

    @Test
    void oneTruceAloneIsJudgedAsAmongAllTruces() {
        Ruleset ruleset = SyriaRulesFixture.ruleset();
        List<IncidentReport> reports = List.of(
                // in the February cessation, on a party's ground
                report().on("2016-03-20").event(REMOTE, "Air/drone strike").by("Military Forces of Russia (2000-)")
                        .against("Civilians (Syria)").with("air raids").in("Syria", "Homs").location("Rastan").build(),
                // in the September arrangement, on IS ground, nobody named
                report().on("2016-09-16").event(REMOTE, "Air/drone strike").by("unidentified warplanes")
                        .with("air raids").in("Syria", "Aleppo").location("Al Bab").build(),
                // in the December ceasefire
                report().on("2017-01-05").event("Battles", "Armed clash").by("Military Forces of Syria (2000-)")
                        .against("Jaysh al-Islam").in("Syria", "Rural Damascus").location("Douma").build(),
                // Minsk II, fire nobody attributed
                report().on("2015-03-10").event(REMOTE, "Shelling/artillery/missile attack").by("unidentified armed group")
                        .with("artillery").in("Ukraine", "Donetsk").location("Shyrokyne").build());
        int compared = 0;
        for (IncidentReport report : reports) {
            Evaluation all = Evaluator.evaluate(report, ruleset);
            for (TruceEvaluation among : all.evaluations()) {
                assertEquals(among, Evaluator.evaluate(report, ruleset, among.truce()), report + " under " + among.truce());
                compared++;
            }
        }
        assertEquals(reports.size() * ruleset.terms().truces().size(), compared, "every truce of every report compared");
    }

    @Test
    void aTruceTheRulesetDoesNotHaveIsRefused() {
        IncidentReport any = report().on("2016-03-20").event(REMOTE, "Air/drone strike").by("unidentified aircraft")
                .in("Syria", "Homs").location("Rastan").build();
        assertThrows(IllegalArgumentException.class, () -> Evaluator.evaluate(any, SyriaRulesFixture.ruleset(), "no-such-truce"));
    }
}
