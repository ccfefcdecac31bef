package io.trucewatch.corroboration;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.trucewatch.access.Roles;
import io.trucewatch.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Corroborated events: one event and the reports of it (decisions on links: IncidentResource). */
@Path("/api/events")
@Tag(name = "Events", description = "Reports of one event linked together, with their sources")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    @Inject
    EventLinks links;

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MONITOR, Roles.AUDITOR})
    @Operation(summary = "One event: its reports, their sources, how many are independent, and the confidence that gives")
    public EventView event(@PathParam("id") String id) {
        return QuarkusTransaction.requiringNew().call(() -> links.event(id))
                .orElseThrow(() -> ProblemException.notFound("event " + id));
    }
}
