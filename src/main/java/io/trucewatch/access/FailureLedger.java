package io.trucewatch.access;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed sign-ins counted per key (a user name at an address, or an address), each key a leaky
 * bucket: a failure adds one, and the level drains by {@code limit} every {@code window}. So
 * {@code limit} failures in quick succession trip it, while failures spread out at no more than
 * {@code limit} per {@code window} never do.
 *
 * <p>A tripped key must wait a cool-down. When it ends the level has barely drained, so one more
 * failure trips it again, with twice the cool-down (up to a cap): someone who keeps guessing waits
 * longer and longer, someone who mistyped a few times waits once. A key that has drained to nothing
 * is forgotten, cool-downs and all.
 *
 * <p>Memory is bounded whatever an attacker sends: at most {@code maxTracked} keys are held, the
 * least recently seen forgotten first, and drained keys are dropped as they are met. Every method
 * holds the lock for a few map operations only.
 */
final class FailureLedger {

    /** Drained keys looked for at the old end of the map on each failure, so idle keys go without a full sweep. */
    private static final int SWEEP_PER_FAILURE = 8;

    private final int limit;
    private final long windowMillis;
    private final long coolDownMillis;
    private final long maxCoolDownMillis;
    private final Map<String, Bucket> buckets;

    FailureLedger(int limit, Duration window, Duration coolDown, Duration maxCoolDown, int maxTracked) {
        if (limit < 1 || maxTracked < 1) {
            throw new IllegalArgumentException("a failure limit and the keys tracked must be at least 1");
        }
        if (window.toMillis() < 1 || coolDown.toMillis() < 1 || maxCoolDown.compareTo(coolDown) < 0) {
            throw new IllegalArgumentException(
                    "window and cool-down must be positive, the longest cool-down no shorter than the first");
        }
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.coolDownMillis = coolDown.toMillis();
        this.maxCoolDownMillis = maxCoolDown.toMillis();
        // Access order: get() moves a key to the young end, so the eldest is the least recently seen.
        this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxTracked;
            }
        };
    }

    /** Milliseconds this key must still wait before it may try again; 0 when it may try now. */
    synchronized long waitMillis(String key, long now) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            return 0;
        }
        if (bucket.blockedUntil > now) {
            return bucket.blockedUntil - now;
        }
        if (bucket.drain(now) == 0) {
            buckets.remove(key);
        }
        return 0;
    }

    /** Counts one failure; returns the cool-down it started in milliseconds, or 0 if the key may go on trying. */
    synchronized long failed(String key, long now) {
        sweep(now);
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(now));
        bucket.drain(now);
        // Capped at the limit, so that a quiet window always forgives everything.
        bucket.level = Math.min(limit, bucket.level + 1);
        // "Above limit - 1" rather than "at limit": failures a few hundred ms apart have drained a
        // sliver, and the limit-th of them must still trip the key.
        if (bucket.level > limit - 1 && bucket.blockedUntil <= now) {
            bucket.strikes++;
            long coolDown = coolDown(bucket.strikes);
            bucket.blockedUntil = now + coolDown;
            return coolDown;
        }
        return 0;
    }

    /** The key proved itself (a right password for that user from that address): its failures are forgiven. */
    synchronized void forget(String key) {
        buckets.remove(key);
    }

    synchronized int size() {
        return buckets.size();
    }

    private long coolDown(int strikes) {
        int doublings = strikes - 1;
        if (doublings >= 62 || coolDownMillis > (maxCoolDownMillis >> doublings)) {
            return maxCoolDownMillis;
        }
        return Math.min(maxCoolDownMillis, coolDownMillis << doublings);
    }

    /** Drops drained keys from the least recently seen end; stops at the first key still counting. */
    private void sweep(long now) {
        Iterator<Bucket> eldestFirst = buckets.values().iterator();
        for (int i = 0; i < SWEEP_PER_FAILURE && eldestFirst.hasNext(); i++) {
            Bucket bucket = eldestFirst.next();
            if (bucket.blockedUntil > now || bucket.drain(now) > 0) {
                return;
            }
            eldestFirst.remove();
        }
    }

    private final class Bucket {
        double level;
        long levelAt;
        long blockedUntil;
        int strikes;

        Bucket(long now) {
            this.levelAt = now;
        }

        double drain(long now) {
            long elapsed = Math.max(0, now - levelAt);
            level = Math.max(0, level - (double) elapsed * limit / windowMillis);
            levelAt = now;
            return level;
        }
    }
}
