package io.trucewatch.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pause after a round keeps the follower to its share of the wall clock while reports arrive. */
class PatternFollowerShareTest {

    @Test
    void aFifthOfTheTimeMeansFourTimesTheRoundInPause() {
        PatternFollower follower = new PatternFollower();
        follower.maxShare = 0.2;
        long round = Duration.ofMillis(1500).toNanos();
        long pause = follower.pauseAfter(round);
        assertEquals(Duration.ofMillis(6000).toNanos(), pause, 1_000);
        assertEquals(0.2, (double) round / (round + pause), 1e-9);
    }

    @Test
    void theWholeTimeMeansNoPause() {
        PatternFollower follower = new PatternFollower();
        follower.maxShare = 1.0;
        assertEquals(0, follower.pauseAfter(Duration.ofSeconds(3).toNanos()));
    }
}
