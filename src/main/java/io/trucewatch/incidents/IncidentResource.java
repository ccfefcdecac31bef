package io.trucewatch.incidents;

import jakarta.annotation.security.RolesAllowed;
import io.trucewatch.access.Roles;
import io.trucewatch.evaluation.Verdict;
import io.trucewatch.web.Page;
import io.trucewatch.web.Problem;
import io.trucewatch.web.ProblemException;
import io.trucewatch.web.QueryParams;
import jakarta.inject.Inject;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
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
    IncidentService incidents;

    @Inject
    IncidentSearch search;

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
        if (body.length > maxReportBytes) {
            throw new ProblemException(413, "/problems/too-large", "Report too large",
                    "A report may be at most " + maxReportBytes + " bytes; this one is " + body.length,
                    List.of(new Problem.FieldError("(body)", "larger than " + maxReportBytes + " bytes")));
        }
        IncidentReport report = ReportParser.parse(new String(body, StandardCharsets.UTF_8));
        IncidentService.Submission submission = incidents.submit(report, principal(security));
        if (!submission.created()) {
            return Response.ok(submission.incident()).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("api/incidents").path(submission.incident().id()).build())
                .entity(submission.incident()).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A stored report with its verdict, findings and ruleset version")
    @RolesAllowed({Roles.MONITOR, Roles.AUDITOR})
    public IncidentView get(@PathParam("id") String id) {
        return incidents.find(id).orElseThrow(() -> ProblemException.notFound("incident " + id));
    }

    @GET
    @Operation(summary = "Stored reports, newest first, paged and filtered")
    @RolesAllowed({Roles.MONITOR, Roles.AUDITOR})
    public Page<IncidentView> list(@QueryParam("verdict") String verdict, @QueryParam("truce") String truce,
            @QueryParam("actor") String actor, @QueryParam("admin1") String admin1,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        QueryParams params = new QueryParams();
        IncidentFilter filter = new IncidentFilter(params.oneOf("verdict", verdict, Verdict.class), blankToNull(truce),
                blankToNull(actor), blankToNull(admin1), params.date("from", from), params.date("to", to));
        int pageNumber = params.page(page);
        int pageSize = params.size(size);
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            params.error("to", "must not be before from");
        }
        params.check();
        return search.search(filter, pageNumber, pageSize);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Who is acting; "anonymous" until authentication is configured. */
    static String principal(SecurityContext security) {
        return security != null && security.getUserPrincipal() != null ? security.getUserPrincipal().getName()
                : "anonymous";
    }
}
