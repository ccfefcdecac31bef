package io.trucewatch.evaluation;

import static io.trucewatch.evaluation.ReportBuilder.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trucewatch.actors.ActorRegistry;
import io.trucewatch.incidents.IncidentReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which actors a report's fields name, against the repository's real registry. */
class ActorResolutionTest {

    private static final ActorRegistry REGISTRY = SyriaRulesFixture.ruleset().terms().actors();

    private static List<String> rolesAndIds(IncidentReport report) {
        return ActorResolution.resolve(report, REGISTRY).stream().map(a -> a.role() + "=" + a.actorId()).toList();
    }

    @Test
    void severalActorsInOneActorFieldAreTheFirstAndItsAssociates() {
        IncidentReport listed = report().on("2016-04-12").event("Battles", "Armed clash")
                .by("Liwa Sultan Murad; Ahrar al-Sham").against("YPG").in("Syria", "Aleppo").build();
        assertEquals(List.of("actor1=sultan-murad-division", "assoc_actor_1=ahrar-al-sham", "actor2=ypg"), rolesAndIds(listed));
        ResolvedActor beside = ActorResolution.resolve(listed, REGISTRY).get(1);
        assertTrue(beside.reading().contains("named in actor1 after ';', beside Liwa Sultan Murad"), beside.reading());

        IncidentReport targets = report().on("2016-04-04").event("Battles", "Armed clash").by("Syrian Democratic Forces")
                .against("Free Syrian Army; Civilians (Syria)").in("Syria", "Aleppo").build();
        assertEquals(List.of("actor1=sdf", "actor2=free-syrian-army", "assoc_actor_2=civilians-syria"), rolesAndIds(targets));
    }

    @Test
    void genericNamesAreReadAsTheReportsCountryWritesThem() {
        IncidentReport ukraine = report().on("2015-03-10").event("Explosions/Remote violence", "Shelling/artillery/missile attack")
                .by("government forces").against("civilians").in("Ukraine", "Donetsk").build();
        assertEquals(List.of("actor1=ukrainian-forces", "actor2=civilians-ukraine"),
                Evaluator.evaluate(ukraine, SyriaRulesFixture.ruleset()).actors().stream()
                        .map(a -> a.role() + "=" + a.actorId()).toList());
        IncidentReport syria = report().on("2016-04-10").event("Explosions/Remote violence", "Shelling/artillery/missile attack")
                .by("government forces").against("civilians").in("Syria", "Aleppo").build();
        assertEquals(List.of("actor1=syrian-government-forces", "actor2=civilians-syria"),
                Evaluator.evaluate(syria, SyriaRulesFixture.ruleset()).actors().stream()
                        .map(a -> a.role() + "=" + a.actorId()).toList());
    }

    @Test
    void aSemicolonInsideBracketsIsPartOfTheName() {
        assertEquals(List.of("war planes (not identified; rebels said Russian)"),
                ActorResolution.namesIn("war planes (not identified; rebels said Russian)"));
        assertEquals(List.of("Russian warplanes (SOHR; Airwars)", " regime helicopters"),
                ActorResolution.namesIn("Russian warplanes (SOHR; Airwars); regime helicopters"));
    }

    @Test
    void oneActorPerFieldIsReadAsWritten() {
        IncidentReport single = report().on("2016-04-12").event("Battles", "Armed clash").by("Ahrar al-Sham")
                .against("YPG").in("Syria", "Aleppo").build();
        assertEquals(List.of("actor1=ahrar-al-sham", "actor2=ypg"), rolesAndIds(single));
    }
}
