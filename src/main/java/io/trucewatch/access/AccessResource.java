package io.trucewatch.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access", description = "Who is calling, and the users of the embedded default")
public class AccessResource {

    /** A user as the API shows it: never the hash. */
    public record UserView(String name, List<String> roles) {
    }

    @Inject
    SecurityIdentity caller;

    @Inject
    AuthConfig config;

    @GET
    @Path("/me")
    @RolesAllowed({Roles.MONITOR, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The authenticated caller and its roles")
    public UserView me() {
        return new UserView(caller.getPrincipal().getName(), List.copyOf(new TreeSet<>(caller.getRoles())));
    }

    @GET
    @Path("/users")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Users configured for HTTP Basic (the embedded default), with their roles",
            description = "Users are configuration (trucewatch.auth.users.*); JWT users live in the identity provider.")
    public List<UserView> users() {
        return new TreeSet<>(config.users().keySet()).stream()
                .map(name -> new UserView(name, List.copyOf(new TreeSet<>(config.users().get(name).roles()))))
                .toList();
    }
}
