package io.trucewatch.evaluation;

import static io.trucewatch.evaluation.ReportBuilder.report;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trucewatch.actors.ActorRegistry;
import io.trucewatch.incidents.IncidentReport;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which words of a clash report's notes say that actor1 attacked, against the repository's real registry. */
class AttackNarrativeTest {

    private static final ActorRegistry REGISTRY = SyriaRulesFixture.ruleset().terms().actors();

    private static Optional<String> read(String actor1, String actor2, String notes) {
        IncidentReport clash = report().on("2016-03-10").event("Battles", "Armed clash").by(actor1).against(actor2)
                .in("Syria", "Rural Damascus").build();
        return AttackNarrative.attackByActor1(notes, ActorResolution.resolve(clash, REGISTRY), REGISTRY);
    }

    @Test
    void anAttemptThatNamesNoAgentIsActor1s() {
        assertEquals(Optional.of("advance attempt"), read("regime forces", "opposition factions",
                "Regime advance attempt repelled; one tank destroyed by opposition fighters."));
        assertEquals(Optional.of("Infiltration attempts"), read("Liwa Sultan Murad", "YPG",
                "Infiltration attempts from Seken Sebab. 11 attackers reported killed."));
        assertEquals(Optional.of("assault repelled"), read("Syrian army", "Jaish al-Islam",
                "Rebel claim: 50+ troops killed; assault repelled."));
    }

    @Test
    void anAgentNamedByTheNotesMustBeActor1ForItToBeActor1sAttack() {
        assertEquals(Optional.of("attacked by the Syrian army on Tuesday"), read("Syrian army", "opposition",
                "Photo caption: Hirbnafsah attacked by the Syrian army on Tuesday."));
        assertEquals(Optional.empty(), read("Syrian army", "Jaish al-Islam",
                "Army positions were attacked by Jaish al-Islam fighters at dawn."));
        assertEquals(Optional.of("attempt by regime forces to advance"), read("regime forces", "opposition factions",
                "SOHR says the fighting was an attempt by regime forces to advance on these axes."));
        assertEquals(Optional.empty(), read("opposition factions", "regime forces",
                "SOHR says the fighting was an attempt by regime forces to advance on these axes."));
    }

    @Test
    void whoeverRepelledAnAttackDefended() {
        assertEquals(Optional.empty(), read("Syrian army", "Jaish al-Islam", "An attack was repelled by the Syrian army."));
        assertEquals(Optional.of("attack was repelled by Jaish al-Islam"), read("Syrian army", "Jaish al-Islam",
                "An attack was repelled by Jaish al-Islam."));
    }

    @Test
    void phrasesWhoseDirectionTheNotesDoNotCarryAreNotRead() {
        assertEquals(Optional.empty(), read("rebels", "Syrian military",
                "The rebels said they were answering ceasefire breaches, including attacks on displaced people's camps."));
        assertEquals(Optional.empty(), read("Iraqi and Iranian militias", "opposition factions",
                "Opposition says it only repelled the attack."));
        assertEquals(Optional.empty(), read("regime forces", "rebels", "Clashes went on through the night."));
        assertEquals(Optional.empty(), read("regime forces", "rebels", null));
    }
}
