package io.trucewatch.access;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
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
 * always takes the slow path, which is why failed sign-ins are limited ({@link SignInThrottle},
 * consulted first, even before the remembered password) and slow checks are rationed
 * ({@link PasswordCheckGate}).
 */
@ApplicationScoped
public class ConfiguredUsers implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject
    AuthConfig config;

    @Inject
    MeterRegistry metrics;

    /** PBKDF2 checks run: what a flood of wrong passwords costs, and what a refused sign-in must not. */
    private Counter slowChecks;

    private final byte[] processKey = new byte[32];
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();
    private SignInThrottle throttle;
    private PasswordCheckGate gate;

    ConfiguredUsers() {
        new SecureRandom().nextBytes(processKey);
    }

    /** Made when the bean is, which {@link #checkAtStartup} forces: limits out of range stop the start. */
    @PostConstruct
    void createLimits() {
        throttle = SignInThrottle.from(config.throttle());
        gate = PasswordCheckGate.from(config.throttle());
        slowChecks = Counter.builder("trucewatch.password.checks")
                .description("Password hashes checked (PBKDF2); sign-ins refused by the limits run none").register(metrics);
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
        String name = request.getUsername();
        String address = ClientAddress.of(request);
        try {
            // Here, on the I/O thread: a refused sign-in costs neither a worker thread nor a hash.
            throttle.checkAllowed(name, address);
        } catch (SignInThrottledException e) {
            return Uni.createFrom().failure(e);
        }
        String password = new String(request.getPassword().getPassword());
        return context.runBlocking(() -> check(name, password, address));
    }

    private SecurityIdentity check(String name, String password, String address) {
        AuthConfig.User user = config.users().get(name);
        byte[] fingerprint = fingerprint(password);
        byte[] known = user == null ? null : verified.get(name);
        if (known == null || !MessageDigest.isEqual(known, fingerprint)) {
            // Again: other attempts from there may have failed while this one waited for a thread.
            throttle.checkAllowed(name, address);
            boolean matches = gate.check(name + ":" + Base64.getEncoder().encodeToString(fingerprint),
                    () -> slowCheck(name, user, password, fingerprint));
            if (!matches) {
                throttle.failed(name, address);
                throw new AuthenticationFailedException("unknown user or wrong password");
            }
        }
        throttle.succeeded(name, address);
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(name))
                .addRoles(new HashSet<>(user.roles()))
                .build();
    }

    private boolean slowCheck(String name, AuthConfig.User user, String password, byte[] fingerprint) {
        slowChecks.increment();
        if (user == null) {
            // Same cost as a wrong password, so response times do not tell which names exist; and
            // never a match, whatever the password (the decoy's own included).
            PasswordHash.matches(password, DecoyHash.VALUE);
            return false;
        }
        if (!PasswordHash.matches(password, user.passwordHash())) {
            return false;
        }
        // Remembered before the check counts as done, so sign-ins arriving next take the fast path.
        verified.put(name, fingerprint);
        return true;
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
