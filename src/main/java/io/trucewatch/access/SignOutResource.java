package io.trucewatch.access;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Signing out of the console: the browser session is an encrypted cookie (Quarkus form
 * authentication) that the service keeps no record of, so signing out is the cookie's removal. Open
 * to anyone, so that a session that has already expired can still be cleared.
 */
@Path("/api/session/sign-out")
public class SignOutResource {

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
    String cookieName;

    @POST
    @PermitAll
    @Operation(hidden = true)
    public Response signOut() {
        NewCookie expired = new NewCookie.Builder(cookieName).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
        return Response.noContent().cookie(expired).build();
    }
}
