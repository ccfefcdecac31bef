package io.trucewatch.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Phrases as reports write them, read against a small registry of its own. */
class ActorPhrasesTest {

    private static Actor actor(String id, String name, String... aliases) {
        return new Actor(id, name, "state-forces", List.of(aliases), null, null, null, null, null);
    }

    private static final ActorRegistry REGISTRY = ActorRegistry.of(List.of(
            actor("syria", "Military Forces of Syria (2000-)", "regime", "Syrian air force", "Syrian regime"),
            actor("russia", "Military Forces of Russia (2000-)", "Russian forces", "Russian air force"),
            actor("coalition", "Global Coalition against Daesh", "coalition forces"),
            actor("jaish-al-fatah", "Jaish al-Fatah", "Army of Conquest"),
            actor("is", "Islamic State (Syria)", "IS", "ISIS"),
            actor("opposition", "Opposition Rebels (Syria)", "opposition forces", "rebels"),
            actor("turkey", "Military Forces of Turkey (2016-)", "Turkish forces"),
            actor("us", "Military Forces of the United States (2009-2017)", "US special forces", "US forces"),
            actor("nobody-known", "Unidentified Armed Group", "unidentified", "unknown gunmen")));

    private static List<String> read(String phrase) {
        return ActorPhrases.read(phrase, REGISTRY).stream().map(Actor::id).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Russian warplanes|russia",
        "alleged Russian jets (unconfirmed reports)|russia",
        "Syrian regime helicopters|syria",
        "Assad's regime jets and helicopters|",
        "warplanes believed to belong to the regime|syria",
        "Coalition aircraft|coalition",
        "Jeish el-Fateh fighters|jaish-al-fatah",
        "jets|nobody-known",
        "war planes (not identified; rebels said Russian)|nobody-known",
        "fighter jet (unidentified)|nobody-known",
        "opposition sniper|opposition",
        "opposition gunmen|opposition",
        "IS-affiliated factions|is",
        "armed men apparently affiliated with IS|is",
        "cells loyal to ISIS|is",
        "Turkish-backed factions|",
        "U.S. special forces (Expeditionary Targeting Force)|us",
        "U.S. forces|us",
        "militants of the Jaish al-Fatah|jaish-al-fatah",
        "units and fighters of the regime|syria",
        "Army of Conquest|jaish-al-fatah",
        "supporters of the regime|",
        "Units of the Jaish al-Fatah group|jaish-al-fatah",
        "ISIS organisation fighters|is",
        "Army of the Levant group|",
        "Army of the Levant|",
        "the so called Jaish al-Fatah|jaish-al-fatah",
        "so-called Army of Conquest|jaish-al-fatah",
        "the self-styled Islamic State (Syria)|is",
        "Terrorists of Jaish al-Fatah|jaish-al-fatah",
        "terrorists from ISIS|is",
        "ISIS terrorists|is",
        "Groups of the terrorist organization Jaish al-Fatah (Army of Conquest)|jaish-al-fatah",
        "the extremist group Army of Conquest|jaish-al-fatah",
        "terrorists|nobody-known",
        "the terrorist organization|nobody-known",
        "Syrian regime forces and its allies|syria",
        "regime forces and allied militias|syria",
        "Russian forces with their allies|russia",
        "Turkish-backed factions and their allies|",
        "shelling from Douma|",
        "Syrian regime forces positioned in Jabbourin and Akrad al-Dasnyya|syria",
        "Russian forces stationed at Hmeimim and Tartus|russia",
        "gunmen based in Douma|",
        "Russian militants|",
        "Russian air cover|russia",
        "the regime's forces (regime military media)|syria",
        "regime's air and ground forces|syria",
        "Syrian regime aviation (tayaran al-nizam)|syria",
        "regime forces and allied gunmen|syria",
        "Jaish al-Fatah and allied rebel units|jaish-al-fatah",
        "regime forces and allied Iraqi militias|syria",
        "regime forces and allied rebel|",
        "regime forces and loyal gunmen of several nationalities|syria",
        "troops allied to the Syrian regime|syria",
        "rebels of Wadi Barada|opposition",
        "opponents of the regime|",
        "Government of Ukraine|",
        "opposition groups in Northern Aleppo Province|opposition",
        "militants hiding in the Salah al-Din quarter|",
        "armed rebels|opposition",
        "Army of Conquest armed groups|jaish-al-fatah",
        "residents of Douma|",
        "armed men thought to be an ISIS 'sleeper cell'|is",
        "Russian troops|russia",
        "Syrian regime and its militias|syria",
        "the regime and its affiliated militias|syria",
        "Jaish al-Fatah militia|jaish-al-fatah",
        "Syrian regime militiamen|syria",
        "Shiite militias|",
        "Russian militias|",
        "Russian militiamen|",
        "Jaish al-Fatah militia (ميليشيا جيش الفتح)|jaish-al-fatah",
        // "Gangs": a pejorative for an armed group (the YPG's statements, SANA), not a state's forces.
        "ISIS gangs|is",
        "ISIS gangs deployed in southern Jarablus|is",
        "terrorist gangs of ISIS|is",
        "Syrian gangs|",
        "Turkish gangs|",
        // Who backs an actor, in front of it, is not the actor; a bare "X-backed factions" names no one.
        "Iranian-backed Russian forces|russia",
        "US-backed rebels|opposition",
        "Turkish-supported opposition forces|opposition",
        "Iran-backed militias|",
        // The source of an attribution is not the actor.
        "Russian warplanes according to ARA News|russia",
        "regime forces, per SOHR|syria",
        "rebels as reported by the regime|opposition",
        // The side an actor fought for stands for it only where the actor names no one.
        "Russian jets backing the Syrian regime|russia",
        "militias supporting the regime|syria",
        "gunmen fighting for the regime|syria",
        "unknown militias supporting the rebels|opposition",
        // Means and kinds of body at the end: a force, its checkpoints, a task force.
        "regime air force (طيران النظام الحربي)|syria",
        "Syrian regime checkpoints|syria",
        "opposition task-force groups|opposition",
    })
    void theActorBehindTheMeans(String phrase, String expected) {
        assertEquals(expected == null ? List.of() : List.of(expected), read(phrase));
    }

    @Test
    void alternativesAreReadWhenEveryOneResolves() {
        assertEquals(List.of("russia", "syria"), read("Russian or Syrian regime jets"));
        assertEquals(List.of("syria", "russia"), read("Syrian or Russian warplanes"));
        assertEquals(List.of("coalition", "russia", "syria"), read("Coalition, Russian or Syrian regime warplanes"));
        assertEquals(List.of("syria"), read("Syrian air force or regime helicopters"), "two names of one actor are one");
        assertEquals(List.of(), read("Russian or unknown warplanes"), "one alternative unknown: nothing is claimed");
    }

    @Test
    void theCoreOfAPhraseDropsHedgesAndMeans() {
        assertEquals("Turkish", ActorPhrases.core("Turkish air strikes and shelling"));
        assertEquals("US", ActorPhrases.core("US B-52 bombers and drones"));
        assertEquals("Russian", ActorPhrases.core("reportedly Russian warplanes"));
    }
}
