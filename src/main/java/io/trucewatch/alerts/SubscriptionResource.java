package io.trucewatch.alerts;

import io.trucewatch.access.Roles;
import io.trucewatch.web.Page;
import io.trucewatch.web.Problem;
import io.trucewatch.web.QueryParams;
import io.trucewatch.web.RequestBodies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

@Path("/api/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Alerts", description = "Signed webhooks (Standard Webhooks) from a transactional outbox, and a live stream")
public class SubscriptionResource {

    /** Largest subscription body accepted (bytes): a URL, a filter and a description fit many times over. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** The body of POST /api/subscriptions, for the API description. */
    public record SubscriptionRequest(String url, EventFilter filter, String description) {
    }

    @Inject
    Subscriptions subscriptions;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a receiver to events",
            description = "{url, filter: {truces, verdicts, parties, admin1}, description}; verdicts default to "
                    + "PROBABLE_VIOLATION. The signing secret is in this answer only. URLs resolving to loopback, "
                    + "private, link-local or metadata addresses are refused unless configuration allows them.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SubscriptionRequest.class)))
    @APIResponse(responseCode = "201", description = "Subscribed; keep the secret",
            content = @Content(schema = @Schema(implementation = Subscriptions.View.class)))
    @APIResponse(responseCode = "400", description = "Every offending field named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(byte[] body, @Context SecurityContext security) {
        Subscriptions.View view = subscriptions.create(RequestBodies.text(body, MAX_BODY_BYTES, "subscription"),
                security.getUserPrincipal().getName());
        return Response.created(uri.getBaseUriBuilder().path("api/subscriptions").path(view.id()).build())
                .entity(view).build();
    }

    @GET
    @Operation(summary = "Live subscriptions (never their secrets)")
    public List<Subscriptions.View> list() {
        return subscriptions.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One subscription")
    public Subscriptions.View get(@PathParam("id") String id) {
        return subscriptions.get(id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Stop sending to this receiver; its delivery history stays readable in the audit trail")
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        subscriptions.delete(id, security.getUserPrincipal().getName());
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/secret")
    @Operation(summary = "Rotate the signing secret: the new one is in this answer only and signs every attempt from now on")
    public Subscriptions.View rotate(@PathParam("id") String id, @Context SecurityContext security) {
        return subscriptions.rotate(id, security.getUserPrincipal().getName());
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "Deliveries to this receiver, newest first: status, attempts, last error, next attempt")
    public Page<Subscriptions.DeliveryView> deliveries(@PathParam("id") String id, @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        QueryParams params = new QueryParams();
        Delivery.Status wanted = params.oneOf("status", status, Delivery.Status.class);
        int pageNumber = params.page(page);
        int pageSize = params.size(size);
        params.check();
        return subscriptions.deliveries(id, wanted == null ? null : wanted.name(), pageNumber, pageSize);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Send a delivery again (e.g. a dead-lettered one), with the same webhook-id, from the start of the retry schedule")
    public Subscriptions.DeliveryView redeliver(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId,
            @Context SecurityContext security) {
        return subscriptions.redeliver(id, deliveryId, security.getUserPrincipal().getName());
    }
}
