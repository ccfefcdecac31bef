package io.trucewatch.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.trucewatch.access.As;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checkpoint timer: with entries appended since the last checkpoint it signs the head within
 * its interval, without the entry count's checkpoint or anyone asking; with none appended it signs
 * nothing more.
 */
@QuarkusTest
@TestProfile(CheckpointTimerTest.EverySecond.class)
class CheckpointTimerTest {

    /** The timer every second, and no checkpoint by entry count, so only the timer signs. */
    public static class EverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trucewatch.audit.checkpoint-every", "1s", "trucewatch.audit.checkpoint-interval", "0");
        }
    }

    @Test
    void theHeadIsSignedWithinTheIntervalOnceEntriesAreAppendedAndNothingMoreWhileNoneAre() throws Exception {
        AuditCheckpointTest.submit();
        long head = ChainWalk.head().seq();
        JsonPath latest = awaitLatestAtLeast(head);
        assertEquals(ChainWalk.hashOf(latest.getLong("checkpoint.seq")), latest.getString("checkpoint.head_hash"),
                latest.prettify());

        // Nothing appended (this profile's database is fresh and runs no background writer): three
        // more rounds of the timer sign nothing new.
        long signed = checkpoints();
        long quietHead = ChainWalk.head().seq();
        Thread.sleep(3_500);
        assertEquals(quietHead, ChainWalk.head().seq(), "nothing was appended while the test waited");
        assertEquals(signed, checkpoints(), "no checkpoint without new entries");
        As.auditor().get("/api/audit/verify").then().statusCode(200).body("intact", org.hamcrest.Matchers.is(true));
    }

    /** The latest checkpoint once it covers entry {@code seq} (the timer runs every second; allow 30 s). */
    private static JsonPath awaitLatestAtLeast(long seq) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            var response = As.auditor().get("/api/audit/checkpoints/latest");
            if (response.statusCode() == 200 && response.jsonPath().getLong("checkpoint.seq") >= seq) {
                return response.jsonPath();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no checkpoint covering entry " + seq + " was signed by the timer within 30 s");
    }

    private static long checkpoints() {
        return As.auditor().get("/api/audit/checkpoints").then().statusCode(200).extract().jsonPath().getLong("total");
    }
}
