package io.trucewatch.rulesets;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.trucewatch.access.As;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several instances on one database serve the newest activation recorded there. Another
 * instance's activation is written here as that instance writes it (the version's files stored,
 * an activation row), then this instance follows it: the new version judges the next report.
 * An instance that finds only activations it already serves changes nothing.
 */
@QuarkusTest
class ActivationFollowerTest {

    @Inject
    ActiveRuleset active;

    @Inject
    ActivationFollower follower;

    @Inject
    RulesetStore store;

    private String original;

    @AfterEach
    void backToTheOriginal() {
        if (original != null && !active.get().version().equals(original)) {
            recordActivationElsewhere(store.load(original));
            follower.followNewest();
        }
        assertEquals(original, active.get().version());
    }

    @Test
    void an_activation_by_another_instance_is_followed_and_judges_the_next_report() {
        original = active.get().version();
        assertTrue(follower.followNewest().isEmpty(), "nothing newer than its own activation");
        assertEquals(original, active.get().version());

        // Another instance's rules differ by a comment: another version, the same verdicts.
        Map<String, String> files = new TreeMap<>(active.get().snapshot().files());
        String drl = files.keySet().stream().filter(path -> path.endsWith(".drl")).findFirst().orElseThrow();
        files.put(drl, files.get(drl) + "\n// activated on another instance " + UUID.randomUUID() + "\n");
        RulesetSnapshot elsewhere = new RulesetSnapshot(files);
        assertNotEquals(original, elsewhere.version());
        long id = recordActivationElsewhere(elsewhere);

        // This call or the scheduled round (every 2 s) follows it, whichever comes first; once a
        // follow has returned, it is in service.
        follower.followNewest().ifPresent(followed -> assertEquals(id, followed.id));
        assertEquals(elsewhere.version(), active.get().version());
        assertEquals(id, active.newestActivation());
        As.monitor().contentType("application/json").body("""
                {"event_date":"2016-03-20","event_type":"Explosions/Remote violence",
                 "sub_event_type":"Air/drone strike","actor1":"Russian warplanes","actor2":"Civilians (Syria)",
                 "country":"Syria","admin1":"Homs","location":"Palmyra","latitude":34.5505,"longitude":38.2684}
                """).post("/api/incidents").then().statusCode(201)
                .body("ruleset_version", equalTo(elsewhere.version()));
        assertTrue(follower.followNewest().isEmpty(), "followed once, not again");
    }

    @Test
    void an_older_activation_never_replaces_a_newer_one() {
        original = active.get().version();
        long newest = active.newestActivation();
        active.follow(active.get(), newest - 1);
        assertEquals(newest, active.newestActivation());
        assertEquals(original, active.get().version());
    }

    /** What activating a version on another instance leaves in the database. */
    private long recordActivationElsewhere(RulesetSnapshot snapshot) {
        return QuarkusTransaction.requiringNew().call(() -> {
            store.store(snapshot);
            RulesetActivation activation = new RulesetActivation();
            activation.version = snapshot.version();
            activation.activatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            activation.activatedBy = "ada@other-instance";
            activation.trigger = RulesetActivation.Trigger.RELOAD.name();
            activation.persist();
            return activation.id;
        });
    }
}
