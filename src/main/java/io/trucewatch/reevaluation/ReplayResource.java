package io.trucewatch.reevaluation;

import io.trucewatch.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/incidents/{id}/replay")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Review")
public class ReplayResource {

    @Inject
    ReplayService replays;

    @POST
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Reproduce a verdict: the report judged again under the ruleset version that produced it and under the one in service",
            description = "The original version is recompiled from its stored files. reproduced says whether it gives "
                    + "byte-for-byte the stored evaluation; changed_today whether the version in service would decide "
                    + "differently. ?version=n replays an earlier version of the report. Nothing is written.")
    public Replay replay(@PathParam("id") String id, @QueryParam("version") Integer version) {
        return replays.replay(id, version);
    }
}
