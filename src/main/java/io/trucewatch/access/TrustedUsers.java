package io.trucewatch.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;

/**
 * A console session (the form sign-in's encrypted cookie) names a user whose password was checked
 * when the session began; each request then asks for that user's identity here, with the roles
 * configuration gives the user now — so a user removed or whose roles changed is taken at their
 * word of today, not of the sign-in.
 */
@ApplicationScoped
public class TrustedUsers implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    AuthConfig config;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        AuthConfig.User user = config.users().get(request.getPrincipal());
        if (user == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the session's user is no longer configured"));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(request.getPrincipal()))
                .addRoles(new HashSet<>(user.roles()))
                .build());
    }
}
