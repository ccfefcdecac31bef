package io.trucewatch.access;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks HTTP Basic credentials against the users in configuration ({@link AuthConfig}).
 *
 * <p>PBKDF2 costs a few hundred milliseconds on purpose, and Basic sends the password with every
 * request; so after one successful check the user's password is remembered as a keyed SHA-256
 * (the key is random per process) and later requests compare against that. A wrong password
 * always takes the slow path.
 */
@ApplicationScoped
public class ConfiguredUsers implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject
    AuthConfig config;

    private final byte[] processKey = new byte[32];
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();

    ConfiguredUsers() {
        new SecureRandom().nextBytes(processKey);
    }

    /** Refuses to start with a malformed hash or an unknown role rather than lock everyone out later. */
    void checkAtStartup(@Observes StartupEvent start) {
        List<String> problems = new ArrayList<>();
        config.users().forEach((name, user) -> {
            if (!PasswordHash.wellFormed(user.passwordHash())) {
                problems.add("trucewatch.auth.users." + name + ".password-hash is not a " + PasswordHash.SCHEME
                        + " hash (make one with io.trucewatch.access.PasswordHash)");
            }
            user.roles().stream().filter(role -> !Roles.ALL.contains(role)).forEach(role -> problems.add(
                    "trucewatch.auth.users." + name + ".roles: unknown role '" + role + "' (known: " + Roles.ALL + ")"));
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid user configuration:\n  " + String.join("\n  ", problems));
        }
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> check(request.getUsername(), new String(request.getPassword().getPassword())));
    }

    private SecurityIdentity check(String name, String password) {
        AuthConfig.User user = config.users().get(name);
        if (user == null) {
            // Same cost as a wrong password, so response times do not tell which names exist.
            PasswordHash.matches(password, DecoyHash.VALUE);
            throw new AuthenticationFailedException("unknown user or wrong password");
        }
        byte[] fingerprint = fingerprint(password);
        byte[] known = verified.get(name);
        if (known == null || !MessageDigest.isEqual(known, fingerprint)) {
            if (!PasswordHash.matches(password, user.passwordHash())) {
                throw new AuthenticationFailedException("unknown user or wrong password");
            }
            verified.put(name, fingerprint);
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(name))
                .addRoles(new HashSet<>(user.roles()))
                .build();
    }

    private byte[] fingerprint(String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(processKey);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A hash to check unknown names against; made on first use so start-up does not pay for it. */
    private static final class DecoyHash {
        static final String VALUE = PasswordHash.hash("decoy");
    }
}
