package io.trucewatch.incidents;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.trucewatch.access.Roles;
import io.trucewatch.corroboration.EventLinks;
import io.trucewatch.corroboration.LinkDecisions;
import io.trucewatch.corroboration.LinkRequest;
import io.trucewatch.web.Page;
import io.trucewatch.web.Problem;
import io.trucewatch.web.ProblemException;
import io.trucewatch.web.QueryParams;
import io.trucewatch.web.RequestBodies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents", description = "Monitors submit incident reports; each is judged against every truce")
public class IncidentResource {

    @Inject
    EventLinks links;

    @Inject
    LinkDecisions linkDecisions;

    @Inject
    IncidentService incidents;

    @Inject
    IncidentSearch search;

    @Inject
    IncidentExports exports;

    @ConfigProperty(name = "trucewatch.max-report-bytes")
    int maxReportBytes;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit an incident report",
            description = "Validates the report (CONTRACT §1), judges it against every truce in service and stores "
                    + "the report, its evaluation and audit entries in one transaction. 201 once committed; "
                    + "200 with the stored record when the same external_id and content were sent before; "
                    + "409 when the external_id was used for different content.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IncidentReport.class)))
    @APIResponse(responseCode = "201", description = "Stored and judged",
            content = @Content(schema = @Schema(implementation = IncidentView.class)))
    @APIResponse(responseCode = "200", description = "Identical resubmission: the stored record")
    @APIResponse(responseCode = "400", description = "Invalid report; every offending field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "external_id already used for a different report",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Report larger than trucewatch.max-report-bytes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.MONITOR)
    public Response submit(byte[] body, @Context SecurityContext security) {
        IncidentReport report = ReportParser.parse(RequestBodies.text(body, maxReportBytes, "report"));
        IncidentService.Submission submission = incidents.submit(report, principal(security));
        if (!submission.created()) {
            return Response.ok(submission.incident()).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("api/incidents").path(submission.incident().id()).build())
                .entity(submission.incident()).build();
    }

    @POST
    @Path("/{id}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MONITOR)
    @Operation(summary = "Correct a report: a new version, judged afresh",
            description = "The full corrected report (same rules as POST /api/incidents; its external_id must be the "
                    + "report's). Only the monitor who submitted the report may correct it. The earlier versions stay "
                    + "readable; a flagged report goes back into the review queue. 201 with the latest version; "
                    + "200 when the content equals the latest version (nothing changed).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IncidentReport.class)))
    @APIResponse(responseCode = "201", description = "New version stored and judged",
            content = @Content(schema = @Schema(implementation = IncidentView.class)))
    @APIResponse(responseCode = "403", description = "Not the report's submitter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response correct(@PathParam("id") String id, byte[] body, @Context SecurityContext security) {
        IncidentReport report = ReportParser.parse(RequestBodies.text(body, maxReportBytes, "report"));
        IncidentService.Submission submission = incidents.correct(id, report, principal(security));
        if (!submission.created()) {
            return Response.ok(submission.incident()).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("api/incidents").path(id).path("versions")
                .path(String.valueOf(submission.incident().version())).build())
                .entity(submission.incident()).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MONITOR, Roles.AUDITOR})
    @Operation(summary = "A stored report: its latest version with verdict, findings, ruleset version and the list of versions")
    public IncidentView get(@PathParam("id") String id) {
        IncidentView view = incidents.find(id).orElseThrow(() -> ProblemException.notFound("incident " + id));
        return view.withEvent(QuarkusTransaction.requiringNew().call(() -> links.summaryOf(id)).orElse(null));
    }

    @GET
    @Path("/{id}/versions/{version}")
    @RolesAllowed({Roles.MONITOR, Roles.AUDITOR})
    @Operation(summary = "One version of a report, with the verdict it had")
    public IncidentView version(@PathParam("id") String id, @PathParam("version") int version) {
        return incidents.findVersion(id, version)
                .orElseThrow(() -> ProblemException.notFound("version " + version + " of incident " + id));
    }

    @GET
    @RolesAllowed({Roles.MONITOR, Roles.AUDITOR})
    @Operation(summary = "Stored reports (latest versions), newest first, paged and filtered",
            description = "Ask for text/csv (ACLED columns plus verdict columns) or application/geo+json "
                    + "(a FeatureCollection) to export every match instead of a page.")
    @APIResponse(responseCode = "200", description = "A page of reports, or every match as CSV or GeoJSON",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Page.class)),
                    @Content(mediaType = IncidentExports.CSV), @Content(mediaType = IncidentExports.GEO_JSON)})
    public Page<IncidentView> list(@BeanParam IncidentQueryParams query,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        QueryParams params = new QueryParams();
        IncidentFilter filter = query.toFilter(params);
        int pageNumber = params.page(page);
        int pageSize = params.size(size);
        params.check();
        return search.search(filter, IncidentSearch.Order.NEWEST_FIRST, pageNumber, pageSize);
    }

    @GET
    // qs < 1: a client that accepts anything (*/*) gets the JSON page, not an export.
    @Produces(IncidentExports.CSV + ";qs=0.5")
    @RolesAllowed({Roles.MONITOR, Roles.AUDITOR})
    @Operation(hidden = true)
    public Response exportCsv(@BeanParam IncidentQueryParams query) {
        IncidentFilter filter = checked(query);
        return Response.ok(exports.csv(filter), IncidentExports.CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"incidents.csv\"").build();
    }

    @GET
    @Produces(IncidentExports.GEO_JSON + ";qs=0.5")
    @RolesAllowed({Roles.MONITOR, Roles.AUDITOR})
    @Operation(hidden = true)
    public Response exportGeoJson(@BeanParam IncidentQueryParams query) {
        return Response.ok(exports.geoJson(checked(query)), IncidentExports.GEO_JSON).build();
    }

    private static IncidentFilter checked(IncidentQueryParams query) {
        QueryParams params = new QueryParams();
        IncidentFilter filter = query.toFilter(params);
        params.check();
        return filter;
    }

    /** Who is acting: every endpoint here requires an authenticated caller. */
    static String principal(SecurityContext security) {
        return security.getUserPrincipal().getName();
    }

    @POST
    @Path("/{id}/event-link")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Split a report from its event (SEPARATE), merge it with another report's (JOIN, with), "
            + "or let the linking rule decide again (AUTOMATIC), with a reason",
            description = "Recorded and audited at once (202); the report's days are linked again within seconds.")
    public Response decideLink(@PathParam("id") String id, byte[] body, @Context SecurityContext security) {
        LinkRequest request = LinkRequest.parse(RequestBodies.text(body, 64 * 1024, "link decision"));
        return Response.accepted(linkDecisions.decide(id, request, security.getUserPrincipal().getName())).build();
    }
}
