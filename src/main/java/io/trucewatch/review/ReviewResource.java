package io.trucewatch.review;

import io.trucewatch.access.Roles;
import io.trucewatch.web.Problem;
import io.trucewatch.web.RequestBodies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/incidents/{id}/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Review", description = "Auditors confirm, dismiss or escalate flagged reports, four eyes")
public class ReviewResource {

    @Inject
    ReviewService reviews;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Decide on a report: CONFIRMED, DISMISSED or ESCALATED, with a reason",
            description = "Appends a review of the report's latest version; the latest review sets review_status. "
                    + "Whoever submitted any version of the report may not review it (403).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReviewRequest.class)))
    @APIResponse(responseCode = "201", description = "Review recorded",
            content = @Content(schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "403", description = "Four eyes: the reviewer submitted this report",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response decide(@PathParam("id") String id, byte[] body, @Context SecurityContext security) {
        ReviewRequest request = ReviewRequest.parse(RequestBodies.text(body, 64 * 1024, "review"));
        ReviewView review = reviews.decide(id, request, security.getUserPrincipal().getName());
        return Response.created(uri.getBaseUriBuilder().path("api/incidents").path(id).path("reviews").build())
                .entity(review).build();
    }

    @GET
    @RolesAllowed({Roles.MONITOR, Roles.AUDITOR})
    @Operation(summary = "Every review of a report, oldest first, with who decided and when")
    public List<ReviewView> reviewsOf(@PathParam("id") String id) {
        return reviews.reviewsOf(id);
    }
}
