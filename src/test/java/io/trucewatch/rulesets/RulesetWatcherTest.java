package io.trucewatch.rulesets;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.trucewatch.access.As;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Editing a rule file on disk puts it into service by itself; a broken edit is refused and audited. */
@QuarkusTest
@TestProfile(RulesetWatcherTest.Watching.class)
class RulesetWatcherTest {

    static final Path COPY = Path.of("target/watcher-test");
    static final Path ATTACKS = COPY.resolve("rules/syria-cessation/attacks.drl");

    public static class Watching implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                TestFiles.replaceTree(Path.of("rules"), COPY.resolve("rules"));
                TestFiles.replaceTree(Path.of("config"), COPY.resolve("config"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("trucewatch.rules-dir", COPY.resolve("rules").toString(),
                    "trucewatch.config-dir", COPY.resolve("config").toString(),
                    "trucewatch.rules.watch", "true", "trucewatch.rules.watch-quiet-ms", "200");
        }
    }

    static String activeVersion() {
        return As.auditor().get("/api/rulesets").then().statusCode(200).extract()
                .path("items.find { it.active }.version");
    }

    @Test
    void a_saved_edit_is_reloaded_and_a_broken_one_is_refused() throws Exception {
        String before = activeVersion();
        String original = Files.readString(ATTACKS);
        Files.writeString(ATTACKS, original + "\n// edited on disk\n");
        String expected = RulesetSnapshot.read(COPY.resolve("rules"), COPY.resolve("config")).version();
        String after = await(() -> {
            String now = activeVersion();
            return now.equals(expected) ? now : null;
        });
        assertNotEquals(before, after);
        As.auditor().get("/api/rulesets").then()
                .body("items.find { it.active }.activations[0].activated_by", equalTo("file-watcher"))
                .body("items.find { it.active }.activations[0].trigger", equalTo("FILE_WATCHER"));

        Files.writeString(ATTACKS, original.replaceFirst("HostileAct\\(\\)", "HostileAct( ,"));
        await(() -> As.auditor().queryParam("size", 200).get("/api/audit").then().extract().jsonPath()
                .getList("items.findAll { it.type == 'RULESET_REJECTED' && it.principal == 'file-watcher' }").isEmpty()
                ? null : "rejected");
        assertEquals(after, activeVersion(), "the ruleset in service keeps serving");
        Files.writeString(ATTACKS, original);
    }

    private static String await(Supplier<String> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            String value = condition.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the watcher did not act within 30 s");
    }
}
