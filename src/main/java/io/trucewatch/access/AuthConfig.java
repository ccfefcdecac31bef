package io.trucewatch.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Users of the embedded default (HTTP Basic), from configuration:
 * {@code trucewatch.auth.users.<name>.password-hash} and {@code .roles}. In production, turn Basic
 * off ({@code quarkus.http.auth.basic=false}) and use bearer JWTs instead.
 */
@ConfigMapping(prefix = "trucewatch.auth")
public interface AuthConfig {

    Map<String, User> users();

    /** Limits on failed HTTP Basic sign-ins: {@code trucewatch.auth.throttle.*}. */
    Throttle throttle();

    interface User {

        /** {@link PasswordHash} format; never the password itself. */
        String passwordHash();

        List<String> roles();
    }

    /**
     * How failed sign-ins are limited ({@link SignInThrottle}) and how many password checks may run
     * at once ({@link PasswordCheckGate}). Each check costs a few hundred milliseconds of a core on
     * purpose, so without these a flood of wrong passwords slows every request.
     */
    interface Throttle {

        /** Failed sign-ins for one user name from one client address before that pair must wait. */
        @WithDefault("5")
        int failuresPerUserAndAddress();

        /** Failed sign-ins from one client address, whatever the names, before the address must wait. */
        @WithDefault("20")
        int failuresPerAddress();

        /** The span those counts are taken over: each count falls back by one every window / limit. */
        @WithDefault("15m")
        Duration window();

        /** The first wait once a limit is reached; each failure right after a wait doubles it. */
        @WithDefault("30s")
        Duration coolDown();

        /** The longest wait, however long the failures go on. */
        @WithDefault("5m")
        Duration maxCoolDown();

        /** Pairs, and addresses, remembered at most (each); the least recently seen are forgotten first. */
        @WithDefault("10000")
        int maxTracked();

        /** Password checks that may run at once; by default every core but one (at least one). */
        OptionalInt concurrentChecks();

        /** Sign-ins that may wait for a free password check; any more are refused at once. */
        @WithDefault("8")
        int waitingChecks();

        /** How long a sign-in waits for a free password check before it is refused. */
        @WithDefault("2s")
        Duration checkWait();
    }
}
