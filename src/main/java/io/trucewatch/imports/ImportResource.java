package io.trucewatch.imports;

import io.trucewatch.access.Roles;
import io.trucewatch.web.Problem;
import io.trucewatch.web.ProblemException;
import io.trucewatch.web.QueryParams;
import io.trucewatch.web.RequestBodies;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "ACLED CSV files imported as jobs, each row judged like a single report")
public class ImportResource {

    /** Largest CSV file accepted (bytes): 20 MB, the HTTP layer's own limit. */
    static final int MAX_FILE_BYTES = 20 * 1024 * 1024;

    @Inject
    ImportService imports;

    @Context
    UriInfo uri;

    @POST
    @Consumes({"text/csv", "application/csv"})
    @RolesAllowed(Roles.MONITOR)
    @Operation(summary = "Import an ACLED CSV file",
            description = "Header row with ACLED column names (event_id_cnty or external_id required; extra ACLED "
                    + "columns such as iso or interaction are ignored; other unknown columns are refused). The file is "
                    + "stored, then each row is validated, judged and stored in the background like POST "
                    + "/api/incidents, in the uploader's name. Idempotent by external_id: running a file again adds "
                    + "nothing. 202 with the job; follow Location for progress.")
    @RequestBody(required = true, content = @Content(mediaType = "text/csv"))
    @APIResponse(responseCode = "202", description = "Accepted as a job",
            content = @Content(schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "400", description = "Unreadable file, unknown columns or no id column",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importFile(byte[] body, @Context SecurityContext security) {
        ImportView job = imports.accept(RequestBodies.text(body, MAX_FILE_BYTES, "file"),
                security.getUserPrincipal().getName());
        return Response.accepted(job).location(uri.getBaseUriBuilder().path("api/imports").path(job.id()).build())
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MONITOR, Roles.AUDITOR})
    @Operation(summary = "An import's progress: rows done of total, accepted, duplicates, and a page of rejected rows")
    public ImportView get(@PathParam("id") String id, @QueryParam("page") String page, @QueryParam("size") String size) {
        QueryParams params = new QueryParams();
        int pageNumber = params.page(page);
        int pageSize = params.size(size);
        params.check();
        return imports.find(id, pageNumber, pageSize).orElseThrow(() -> ProblemException.notFound("import " + id));
    }
}
