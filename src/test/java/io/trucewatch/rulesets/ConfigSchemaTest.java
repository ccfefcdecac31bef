package io.trucewatch.rulesets;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trucewatch.evaluation.SyriaRulesFixture;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schemas of the configuration formats (src/main/resources/config-schema/) check every
 * file first, each violation with file, line and key path; the real configuration passes them.
 */
class ConfigSchemaTest {

    private static final RulesetSnapshot REAL = SyriaRulesFixture.snapshot();

    private static RulesetException refused(String path, String from, String to) {
        String text = REAL.files().get(path);
        assertTrue(text.contains(from), "the test edits a line that exists: " + from);
        RulesetSnapshot edited = TestFiles.withFile(REAL, path, text.replace(from, to));
        return assertThrows(RulesetException.class, () -> Ruleset.compile(edited));
    }

    private static void assertError(RulesetException e, String file, int line, String message) {
        assertTrue(e.errors().stream().anyMatch(err -> err.file().equals(file) && err.line() == line
                && err.message().contains(message)), () -> "expected " + file + ":" + line + " " + message + " in\n" + e.getMessage());
    }

    @Test
    void theRealConfigurationPassesItsSchemas() {
        Ruleset.compile(REAL);
    }

    @Test
    void aMissingRequiredKeyIsNamedWithItsObjectsLine() {
        String path = "config/truces/syria-coh-2016.yaml";
        RulesetException e = refused(path, "    side: opposition\n    actors: [free-syrian-army]",
                "    actors: [free-syrian-army]");
        String text = REAL.files().get(path).replace("    side: opposition\n    actors: [free-syrian-army]",
                "    actors: [free-syrian-army]");
        assertError(e, path, YamlLines.lineOf(text, "parties[2]"), "parties[2]: ");
        assertTrue(e.getMessage().contains("side"), e.getMessage());
    }

    @Test
    void aWrongTypeOrShapeIsNamedWithItsKeyAndLine() {
        String path = "config/control/syria/north.yaml";
        String text = REAL.files().get(path);
        String lat = text.substring(text.indexOf("    lat: "), text.indexOf('\n', text.indexOf("    lat: ")));
        RulesetException e = refused(path, lat, "    lat: north");
        assertError(e, path, TestFiles.lineOf(text.replace(lat, "    lat: north"), "    lat: north"), "points[0].lat: ");
    }

    @Test
    void aDateInTheWrongFormIsRefused() {
        String path = "config/truces/syria-coh-2016.yaml";
        RulesetException e = refused(path, "starts: 2016-02-27T00:00", "starts: 27 Feb 2016");
        String text = REAL.files().get(path).replace("starts: 2016-02-27T00:00", "starts: 27 Feb 2016");
        assertError(e, path, TestFiles.lineOf(text, "starts: 27 Feb 2016"), "starts: ");
    }

    @Test
    void anActorOfAnUnknownKindIsRefused() {
        String path = "config/actors.yaml";
        RulesetException e = refused(path, "    kind: state-forces\n", "    kind: army\n");
        assertTrue(e.getMessage().contains("config/actors.yaml:") && e.getMessage().contains(".kind: "), e.getMessage());
    }

    @Test
    void aWeaponSiteUnderAClauseTheTruceDoesNotHaveIsRefused() {
        String path = "config/truces/minsk-2015.yaml";
        String site = "  - id: holding-areas-and-storage-sites\n    clause: monitoring\n";
        RulesetException e = refused(path, site, site.replace("clause: monitoring", "clause: verification"));
        assertTrue(e.getMessage().contains("weapon_sites[0].clause: unknown clause 'verification'"), e.getMessage());
    }

    @Test
    void aWeaponSiteWithoutTheWordsForMissingWeaponsIsRefusedByItsSchema() {
        String path = "config/truces/minsk-2015.yaml";
        String text = REAL.files().get(path);
        int from = text.indexOf("    missing: [");
        int to = text.indexOf("]", from) + 2;
        RulesetException e = refused(path, text.substring(from, to), "");
        assertTrue(e.getMessage().contains("weapon_sites[0]") && e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void anEndBasisWithoutAnEndOrASourceIsRefused() {
        String path = "config/truces/syria-coh-2016.yaml";
        assertRefusedSaying(path, "ends: 2016-07-06T00:00\n", "", "end_basis: says why the truce ends, but it has no ends");
        String text = REAL.files().get(path);
        int from = text.indexOf("  source: \"AP, 6 Jul 2016");
        int to = text.indexOf("\n", from) + 1;
        RulesetException unsourced = refused(path, text.substring(from, to), "");
        assertTrue(unsourced.getMessage().contains("end_basis") && unsourced.getMessage().contains("source"),
                unsourced.getMessage());
    }

    @Test
    void groundCountedAsASidesIsRefusedForAnExcludedActorOrASideNoPartyHas() {
        String path = "config/truces/syria-coh-2016-09.yaml";
        String text = REAL.files().get(path);
        int from = text.indexOf("    ground:\n");
        int to = text.indexOf("\n  - actor:", from) + 1;
        String ground = text.substring(from, to);
        assertRefusedSaying(path, "    reason: \"ISIL (Daesh) is outside the cessation; the JIC was to coordinate strikes on it\"\n",
                "    reason: \"ISIL (Daesh) is outside the cessation; the JIC was to coordinate strikes on it\"\n" + ground,
                "excluded[0].ground: only a disputed actor's ground can be counted as a side's");
        assertRefusedSaying(path, ground, ground.replace("side: opposition", "side: rebels"),
                "ground.side: 'rebels' is not the side of any party");
    }

    /** The real file with {@code from} replaced by {@code to} is refused, with {@code message} among the errors. */
    private static void assertRefusedSaying(String path, String from, String to, String message) {
        RulesetException e = refused(path, from, to);
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void momentWordsWithoutASourceAreRefused() {
        String path = "config/truces/syria-coh-2016-09.yaml";
        String text = REAL.files().get(path);
        String source = text.substring(text.indexOf("  source: \"Reuters, Geneva, 10 Sep 2016"),
                text.indexOf('\n', text.indexOf("  source: \"Reuters, Geneva, 10 Sep 2016")) + 1);
        RulesetException e = refused(path, source, "");
        assertTrue(e.getMessage().contains("moment_words"), e.getMessage());
    }
}
