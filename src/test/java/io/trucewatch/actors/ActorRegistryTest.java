package io.trucewatch.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trucewatch.evaluation.SyriaRulesFixture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Alias resolution against the real config/actors.yaml. */
class ActorRegistryTest {

    private static final ActorRegistry REGISTRY = SyriaRulesFixture.ruleset().terms().actors();

    private static String idOf(String name) {
        return REGISTRY.resolve(name).map(Actor::id).orElse("(unresolved)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"regime forces", "SAA", "Syrian Arab Army", "Military Forces of Syria (2000-)",
            "MILITARY FORCES OF SYRIA 2000", "  syrian arab army  "})
    void spellingsOfTheGovernmentForcesAreOneActor(String name) {
        assertEquals("syrian-government-forces", idOf(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ISIS", "ISIL", "Daesh", "Islamic State", "Islamic State (Syria)", "islamic-state",
            "Islamic State (Iraq)", "DA'ESH"})
    void spellingsOfIslamicStateAreOneActor(String name) {
        assertEquals("islamic-state", idOf(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jabhat al-Nusra", "Al-Nusra Front", "Nusra Front", "Jabhat Fateh al-Sham",
            "Jabhat Fatah al-Sham", "JABHAT AL NUSRA", "Jabhat al-Nuṣra"})
    void spellingsOfNusraAreOneActor(String name) {
        assertEquals("jabhat-al-nusra", idOf(name));
    }

    @Test
    void accentsCaseAndPunctuationAreIgnored() {
        assertEquals("ahrar-al-sham", idOf("Ahrâr al–Shâm"));
        assertEquals("civilians-syria", idOf("civilians (syria)"));
    }

    @Test
    void acledSpellingsResolve() {
        assertEquals("turkish-forces", idOf("Military Forces of Turkey (2002-2016)"));
        assertEquals("turkish-forces", idOf("Military Forces of Turkey (2016-)"));
        assertEquals("turkish-forces", idOf("Military Forces of Turkey (2002-)"), "an unknown period still resolves");
        assertEquals("ypg", idOf("YPG: Peoples Protection Units"));
        assertEquals("national-defence-forces", idOf("QDW: National Defense Forces"));
        assertEquals("hayat-tahrir-al-sham", idOf("HTS: Hayat Tahrir al Sham"), "formed 28 Jan 2017: an actor of its own");
        assertEquals("syrian-government-forces", idOf("Military Forces of Syria (2000-2024)"));
    }

    @Test
    void unknownNamesResolveToNothing() {
        assertTrue(REGISTRY.resolve("Brigade of the Unknown Soldier").isEmpty());
        assertTrue(REGISTRY.resolve("").isEmpty());
        assertTrue(REGISTRY.resolve(null).isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "civilians|Syria|civilians-syria", "civilians|Ukraine|civilians-ukraine", "civilians|ukraine|civilians-ukraine",
        "government forces|Syria|syrian-government-forces", "government forces|Ukraine|ukrainian-forces",
        "the army|Syria|syrian-government-forces", "the army|Ukraine|ukrainian-forces",
        "unknown gunmen|Syria|unidentified-armed-group", "unknown gunmen|Ukraine|unidentified-armed-group-ukraine",
        // a name only one country's actor claims is read in every country's reports, and without one
        "Syrian Arab Army|Ukraine|syrian-government-forces", "Ukrainian Armed Forces|Syria|ukrainian-forces",
        "regime forces||syrian-government-forces",
        // names no country's actor claims are read the same everywhere
        "Jaish al-Islam|Ukraine|jaish-al-islam",
    })
    void genericNamesAreReadAsTheReportsCountryReadsThem(String name, String country, String id) {
        assertEquals(id, REGISTRY.in(country).resolve(name).map(Actor::id).orElse("(unresolved)"));
    }

    @Test
    void aGenericNameTwoCountriesClaimNamesNoOneInAReportOfNoCountry() {
        assertTrue(REGISTRY.resolve("civilians").isEmpty());
        assertTrue(REGISTRY.in(" ").resolve("government forces").isEmpty());
    }

    @Test
    void aCountrysNameMayNotClashWithItsOwnOrWithANameReadEverywhere() {
        Actor everywhere = new Actor("g", "Gamma", "rebel-group", List.of("the front"), null, null, null, null, null);
        Actor syrian = new Actor("s", "Sigma", "rebel-group", List.of("The Front"), null, null, null, null, "Syria");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ActorRegistry.of(List.of(everywhere, syrian)));
        assertTrue(e.getMessage().contains("'g'") && e.getMessage().contains("'s'"), e.getMessage());
        Actor ukrainian = new Actor("u", "Upsilon", "rebel-group", List.of("the brigade"), null, null, null, null, "Ukraine");
        Actor syrianToo = new Actor("t", "Tau", "rebel-group", List.of("the brigade"), null, null, null, null, "Syria");
        ActorRegistry two = ActorRegistry.of(List.of(ukrainian, syrianToo));
        assertEquals("t", two.in("Syria").resolve("the brigade").map(Actor::id).orElse("(unresolved)"));
        assertEquals("u", two.in("Ukraine").resolve("the brigade").map(Actor::id).orElse("(unresolved)"));
        assertTrue(two.resolve("the brigade").isEmpty());
    }

    @Test
    void aNameClaimedByTwoActorsIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ActorRegistry.of(List.of(
                new Actor("a", "Alpha", "rebel-group", List.of("The Group"), null, null, null, null, null),
                new Actor("b", "Beta", "rebel-group", List.of("the group"), null, null, null, null, null))));
        assertTrue(e.getMessage().contains("'a'") && e.getMessage().contains("'b'"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "Syrian regime|syrian-government-forces",
        "regime forces|syrian-government-forces",
        "SAA|syrian-government-forces",
        "Sultan Murad Division|sultan-murad-division",
        "'LPR' armed formations|certain-areas-armed-formations",
        "'DPR' armed formations|certain-areas-armed-formations",
        "Jaysh al-Islam|jaish-al-islam",
        "Jabhat Fatah al-Sham|jabhat-al-nusra",
    })
    void namesAsRealReportsWriteThemResolve(String name, String id) {
        assertEquals(id, idOf(name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Sultan Murad Divison|Sultan Murad Division", "Jash al-Fatah|Jaish al-Fatah"})
    void aNameThatResolvesToNothingComesWithTheNearestKnownNames(String misspelt, String nearest) {
        assertEquals("(unresolved)", idOf(misspelt));
        org.junit.jupiter.api.Assertions.assertTrue(REGISTRY.nearestNames(misspelt, 3).contains(nearest),
                () -> REGISTRY.nearestNames(misspelt, 3).toString());
    }

    /**
     * A side's media frame their enemy's name ("the so called …", "terrorists of …"); the frame is
     * read past, and a frame with no name in it identifies no one: the unidentified actor, or
     * nothing, but never anyone's forces by what is left of it ("Syrian terrorists").
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "the so called Jaish al-Islam|jaish-al-islam",
        "Terrorists of Jabhat al-Nusra|jabhat-al-nusra",
        "terrorists from ISIS|islamic-state",
        "Groups of the terrorist organization Jabhat Fatah al-Sham (Jabhat al-Nusra)|jabhat-al-nusra",
        "Assad regime forces positioned in Jabbourin and Akrad al-Dasnyya|syrian-government-forces",
        "armed terrorist groups|unidentified-armed-group",
        "terrorist groups|unidentified-armed-group",
        "terrorists|unidentified-armed-group",
        "the terrorist organization|unidentified-armed-group",
        "Syrian Arab Army and its allies|syrian-government-forces",
        "jihadist armed groups|unidentified-armed-group",
        "rebels of Wadi Barada|armed-opposition",
        "Government of Ukraine|",
        "the army of Ukraine|",
        "armed group thought to be a Daesh (Islamic State) 'sleeper cell'|islamic-state",
        "fighter jet (unidentified; opposition blamed Assad's forces)|unidentified-armed-group",
        "Syrian terrorists|",
    })
    void namesInAPejorativeOrHedgingFrameResolveToTheNameInside(String phrase, String id) {
        assertReadAs(phrase, id);
    }

    /**
     * A body's kind after the name, as monitors write it ("rebel battalions", "FSA brigades"), and a
     * country's name where its adjective belongs ("Syria Democratic Forces"): read as the name. A
     * country's name alone, or before a word the registry does not know with the adjective, is still
     * nobody.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rebel battalions (kata'ib al-thuwwar)|armed-opposition",
        "Free Syrian Army brigades|free-syrian-army",
        "Syria Democratic Forces|sdf",
        "Russia air force|russian-forces",
        "Syria|",
        "Syria Liberation Legion|",
    })
    void kindsAfterANameAndCountriesWrittenForTheirAdjectiveResolve(String phrase, String id) {
        assertReadAs(phrase, id);
    }

    /**
     * A name the registry does not know, glossed in brackets with one it does: a source's own words
     * and their translation, or who a description may be. The gloss is read only when the phrase
     * itself names no one. Turkish letters stand for two Latin ones ("DAEŞ"), and a coalition is
     * itself, whoever leads it.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Koalisyon Güçleri (Coalition forces)|us-led-coalition",
        "DAEŞ|islamic-state",
        "international coalition led by America (believed)|us-led-coalition",
        "Russian warplanes (Syrian regime blamed)|russian-forces",
        "jets (not identified)|unidentified-armed-group",
        "Koalisyon Güçleri|",
    })
    void glossesInBracketsTurkishLettersAndWhoLedItResolve(String phrase, String id) {
        assertReadAs(phrase, id);
    }

    @Test
    void aGlossNamingTwoPossibleActorsIsReadAsEitherOfThem() {
        List<String> read = ActorPhrases.read("aircraft of unknown identity (international coalition or Russian)", REGISTRY)
                .stream().map(Actor::id).toList();
        assertEquals(List.of("us-led-coalition", "russian-forces"), read);
    }

    /** The phrase, as a Syria report writes it, is read as the actor {@code id} alone, or (null) as no one. */
    private static void assertReadAs(String phrase, String id) {
        List<String> read = ActorPhrases.read(phrase, REGISTRY.in("Syria")).stream().map(Actor::id).toList();
        assertEquals(id == null ? List.of() : List.of(id), read, phrase);
    }
}
