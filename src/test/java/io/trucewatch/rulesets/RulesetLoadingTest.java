package io.trucewatch.rulesets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad rule file or bad configuration is refused with its file and line (or key), through the
 * same code path the service starts with.
 */
class RulesetLoadingTest {

    @TempDir
    Path root;

    private Path rules;
    private Path config;

    @BeforeEach
    void copyTheRealRuleset() throws IOException {
        rules = root.resolve("rules");
        config = root.resolve("config");
        TestFiles.copyTree(Path.of("rules"), rules);
        TestFiles.copyTree(Path.of("config"), config);
    }

    @Test
    void theRealRulesetLoadsAndItsVersionIsItsContent() throws IOException {
        Ruleset ruleset = Ruleset.compile(RulesetSnapshot.read(rules, config));
        assertTrue(ruleset.version().matches("sha256:[0-9a-f]{64}"));
        assertEquals(ruleset.version(), RulesetSnapshot.read(Path.of("rules"), Path.of("config")).version(),
                "same files, same version");
        Files.writeString(config.resolve("truces/syria-coh-2016.yaml"), "\n# a comment\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertNotEquals(ruleset.version(), RulesetSnapshot.read(rules, config).version(), "any change, another version");
    }

    @Test
    void aSyntaxErrorInARuleFileNamesTheFileAndLine() throws IOException {
        Path file = rules.resolve("syria-cessation/territory.drl");
        String text = Files.readString(file);
        int line = TestFiles.lineOf(text, "    InScope()");
        Files.writeString(file, text.replaceFirst("    InScope\\(\\)", "    InScope( ,"));
        RulesetException e = assertThrows(RulesetException.class, () -> startService());
        assertTrue(e.errors().stream().anyMatch(err -> err.file().equals("rules/syria-cessation/territory.drl")
                && Math.abs(err.line() - line) <= 1), e::getMessage);
        assertTrue(e.getMessage().contains("rules/syria-cessation/territory.drl:"), e.getMessage());
        assertTrue(e.errors().stream().allMatch(err -> err.file().equals("rules/syria-cessation/territory.drl")),
                () -> "the syntax error alone, not its echoes in the other files of the package: " + e.getMessage());
    }

    @Test
    void anUnknownFieldInARuleNamesItsExactLine() throws IOException {
        Path file = rules.resolve("syria-cessation/attacks.drl");
        String text = Files.readString(file);
        int line = TestFiles.lineOf(text, "Report( weaponClasses contains \"indiscriminate\", civiliansNamed )");
        Files.writeString(file, text.replace("Report( weaponClasses contains \"indiscriminate\", civiliansNamed )",
                "Report( calibre contains \"indiscriminate\", civiliansNamed )"));
        RulesetException e = assertThrows(RulesetException.class, () -> startService());
        assertTrue(e.errors().stream().anyMatch(err -> err.file().equals("rules/syria-cessation/attacks.drl")
                && err.line() == line), e::getMessage);
    }

    @Test
    void aRuleWithoutAClauseOrWithAnUnknownClauseIsRefused() throws IOException {
        Path file = rules.resolve("syria-cessation/territory.drl");
        String text = Files.readString(file);
        Files.writeString(file, text.replace("@clause(\"3\")", "@clause(\"99\")"));
        RulesetException e = assertThrows(RulesetException.class, () -> startService());
        assertTrue(e.getMessage().contains("clause '99'"), e.getMessage());
        assertEquals("rules/syria-cessation/territory.drl", e.errors().get(0).file());
        assertEquals(TestFiles.lineOf(text, "rule \"seizing-territory-from-other-party\""), e.errors().get(0).line());
    }

    @Test
    void aRuleThatReadsTheWallClockIsRefused() throws IOException {
        Path file = rules.resolve("syria-cessation/territory.drl");
        String text = Files.readString(file);
        Files.writeString(file, text.replace("InScope()", "InScope()\n    eval( java.time.Instant.now() != null )"));
        RulesetException e = assertThrows(RulesetException.class, () -> startService());
        assertTrue(e.getMessage().contains("wall clock"), e.getMessage());
        assertEquals("rules/syria-cessation/territory.drl", e.errors().get(0).file());
    }

    @Test
    void invalidYamlNamesTheFileLineAndKey() throws IOException {
        Path file = config.resolve("truces/syria-coh-2016.yaml");
        String text = Files.readString(file);
        Files.writeString(file, text.replace("time_zone: Asia/Damascus", "time_zone: Asia/Damascus\nstart_time: 1"));
        RulesetException e = assertThrows(RulesetException.class, () -> startService());
        RulesetException.Error error = e.errors().get(0);
        assertEquals("config/truces/syria-coh-2016.yaml", error.file());
        assertEquals(TestFiles.lineOf(text, "time_zone: Asia/Damascus") + 1, error.line());
        assertTrue(error.message().contains("start_time"), error.message());
    }

    @Test
    void semanticErrorsNameTheFileKeyAndLine() throws IOException {
        Path truce = config.resolve("truces/syria-coh-2016.yaml");
        String truceText = Files.readString(truce)
                .replace("time_zone: Asia/Damascus", "time_zone: Asia/Nowhere")
                .replace("actors: [free-syrian-army]", "actors: [free-syrian-armee]");
        Files.writeString(truce, truceText);
        Path control = config.resolve("control/syria.yaml");
        String controlText = Files.readString(control).replace("controller: jaish-al-fatah", "controller: jaish-al-fath");
        Files.writeString(control, controlText);
        RulesetException e = assertThrows(RulesetException.class, () -> startService());
        assertHasError(e, "config/truces/syria-coh-2016.yaml", TestFiles.lineOf(truceText, "time_zone: Asia/Nowhere"),
                "time_zone: 'Asia/Nowhere' is not a tz database zone");
        assertHasError(e, "config/truces/syria-coh-2016.yaml", TestFiles.lineOf(truceText, "actors: [free-syrian-armee]"),
                "parties[2].actors[0]: unknown actor 'free-syrian-armee'");
        assertHasError(e, "config/control/syria.yaml", TestFiles.lineOf(controlText, "controller: jaish-al-fath"),
                ".control[0].controller: unknown actor 'jaish-al-fath'");
        assertTrue(e.getMessage().contains("config/control/syria.yaml:" + TestFiles.lineOf(controlText, "controller: jaish-al-fath")),
                e.getMessage());
    }

    private static void assertHasError(RulesetException e, String file, int line, String message) {
        assertTrue(e.errors().stream().anyMatch(err -> err.file().equals(file) && err.line() == line
                && err.message().contains(message)), () -> "expected " + file + ":" + line + " " + message + " in\n"
                + e.getMessage());
    }

    @Test
    void anUnknownActorAlongsideAHolderIsRefusedWithItsLine() throws IOException {
        Path points = config.resolve("control/syria/south.yaml");
        String text = Files.readString(points);
        String written = "    alongside: [jabhat-al-nusra]\n    from: 2016-05-27\n";
        assertTrue(text.contains(written), "the Deir Khabiyah mixed holding this test breaks is in the file");
        String broken = text.replace(written, "    alongside: [jabhat-al-nusrah]\n    from: 2016-05-27\n");
        Files.writeString(points, broken);
        RulesetException e = assertThrows(RulesetException.class, () -> startService());
        assertHasError(e, "config/control/syria/south.yaml", TestFiles.lineOf(broken, "alongside: [jabhat-al-nusrah]"),
                ".alongside: unknown actor 'jabhat-al-nusrah'");
    }

    @Test
    void aSectorNamingAnUnknownActorOrPointIsRefusedAtItsLine() throws IOException {
        assertTrue(Files.readString(config.resolve("control/syria.yaml")).contains("sector_files: [syria/sectors.yaml]"),
                "the sectors file this test replaces is the one the country file reads");
        String broken = """
                sectors:
                - id: test-sector
                  name: A sector
                  actor: jabhat-al-nusrah
                  beside: [faylaq-al-rahman, faylaq-al-rahmen]
                  from: 2016-05-01
                  to: 2016-04-01
                  settlements: [no-such-village]
                  source: test
                  membership: test
                """;
        Files.writeString(config.resolve("control/syria/sectors.yaml"), broken);
        RulesetException e = assertThrows(RulesetException.class, () -> startService());
        String file = "config/control/syria/sectors.yaml";
        assertHasError(e, file, TestFiles.lineOf(broken, "  actor: jabhat-al-nusrah"), ".actor: unknown actor 'jabhat-al-nusrah'");
        assertHasError(e, file, TestFiles.lineOf(broken, "  beside:"), ".beside: unknown actor 'faylaq-al-rahmen'");
        assertHasError(e, file, TestFiles.lineOf(broken, "  to: 2016-04-01"), ".to: must be after from");
        assertHasError(e, file, TestFiles.lineOf(broken, "- id: test-sector"), "no control point 'no-such-village'");
    }

    @Test
    void anAirForceNamingAnUnknownActorOrGovernorateIsRefusedAtItsLine() throws IOException {
        Path control = config.resolve("control/syria.yaml");
        String text = Files.readString(control);
        assertTrue(text.contains("  - actor: turkish-forces\n    from: 2016-08-24\n    admin1: [Aleppo]\n"),
                "the Turkish air force's entry this test breaks is in the file");
        // "Halab" is a spelling admin1_names lists for Aleppo, not its canonical name.
        String broken = text.replace("  - actor: turkish-forces\n    from: 2016-08-24\n    admin1: [Aleppo]\n",
                "  - actor: turkish-air-force\n    from: 2016-08-24\n    admin1: [Halab]\n");
        Files.writeString(control, broken);
        RulesetException e = assertThrows(RulesetException.class, () -> startService());
        assertHasError(e, "config/control/syria.yaml", TestFiles.lineOf(broken, "  - actor: turkish-air-force"),
                ".actor: unknown actor 'turkish-air-force'");
        assertHasError(e, "config/control/syria.yaml", TestFiles.lineOf(broken, "    admin1: [Halab]"),
                ".admin1: 'Halab' is not a governorate of admin1_names");
    }

    @Test
    void overlappingControlPeriodsAreRefused() throws IOException {
        Path control = config.resolve("control/syria.yaml");
        Files.writeString(control, Files.readString(control).replace("        to: 2016-03-27\n", "        to: 2016-04-27\n"));
        RulesetException e = assertThrows(RulesetException.class, () -> startService());
        assertTrue(e.getMessage().contains("overlaps control[0]"), e.getMessage());
    }

    /** What the service does at start-up, minus storing the version (which needs the database). */
    private void startService() {
        Ruleset.compile(RulesetSnapshot.read(rules, config));
    }

    @Test
    void aWithdrawalZoneNamingAnUnknownSideOrLineIsRefusedAtItsLine() throws IOException {
        Path file = config.resolve("truces/minsk-2015.yaml");
        String text = Files.readString(file);
        String bad = text.replaceFirst("from_lines: \\{ukraine: contact-line-2015-02, certain-areas: minsk-memorandum-line-2014-09-19}",
                "from_lines: {kyiv: contact-line-2015-02, certain-areas: no-such-line}");
        assertNotEquals(text, bad);
        Files.writeString(file, bad);
        RulesetException e = assertThrows(RulesetException.class, () -> startService());
        int line = TestFiles.lineOf(bad, "from_lines: {kyiv");
        assertTrue(e.errors().stream().anyMatch(err -> err.file().equals("config/truces/minsk-2015.yaml")
                && err.message().contains("'kyiv' is not the side of any party")), e::getMessage);
        assertTrue(e.errors().stream().anyMatch(err -> err.message().contains("'no-such-line' is not a reference line")
                && err.line() > 0 && err.line() <= line), e::getMessage);
    }

    @Test
    void aReferenceLineWhoseGeometryIsMissingOrNotALineIsRefused() throws IOException {
        Path lines = config.resolve("lines/donbas-2015.geojson");
        Files.writeString(lines, """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "id": "contact-line-2015-02",
                   "geometry": {"type": "LineString", "coordinates": [[37.5, 48.0], [37.6, 47.8]]}}]}
                """);
        RulesetException missing = assertThrows(RulesetException.class, () -> startService());
        assertTrue(missing.getMessage().contains("config/truces/minsk-2015.yaml:")
                && missing.getMessage().contains("has no feature 'minsk-memorandum-line-2014-09-19'"), missing.getMessage());
        Files.writeString(lines, """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "id": "contact-line-2015-02",
                   "geometry": {"type": "Point", "coordinates": [37.5, 48.0]}}]}
                """);
        RulesetException point = assertThrows(RulesetException.class, () -> startService());
        assertTrue(point.getMessage().contains("expected LineString or MultiLineString, got 'Point'"), point.getMessage());
    }
}
