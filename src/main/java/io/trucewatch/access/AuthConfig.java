package io.trucewatch.access;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Map;

/**
 * Users of the embedded default (HTTP Basic), from configuration:
 * {@code trucewatch.auth.users.<name>.password-hash} and {@code .roles}. In production, turn Basic
 * off ({@code quarkus.http.auth.basic=false}) and use bearer JWTs instead.
 */
@ConfigMapping(prefix = "trucewatch.auth")
public interface AuthConfig {

    Map<String, User> users();

    interface User {

        /** {@link PasswordHash} format; never the password itself. */
        String passwordHash();

        List<String> roles();
    }
}
