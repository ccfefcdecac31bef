package io.trucewatch.reevaluation;

import io.trucewatch.access.Roles;
import io.trucewatch.rulesets.Ruleset;
import io.trucewatch.rulesets.RulesetLifecycle;
import io.trucewatch.rulesets.RulesetVersions;
import io.trucewatch.rulesets.CandidateFiles;
import io.trucewatch.web.RequestBodies;
import io.trucewatch.web.ProblemException;
import io.trucewatch.web.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/rulesets/dry-run")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rulesets")
public class DryRunResource {

    /** Either a stored version, or files applied to the ruleset in service. */
    public record DryRunRequest(String version, Map<String, String> files, List<String> remove) {
    }

    @Inject
    DryRunService dryRuns;

    @Inject
    RulesetVersions versions;

    @Inject
    RulesetLifecycle lifecycle;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "What a candidate would change: every stored report re-judged, nothing written",
            description = "Body: {version: \"sha256:…\"} for a stored version, or {files: {path: content}, remove: [path]} "
                    + "applied to the ruleset in service. Answers the from→to matrix of verdicts and one page "
                    + "(page, size) of the reports whose verdict would change.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DryRunRequest.class)))
    public DryRun dryRun(byte[] body, @QueryParam("page") String page, @QueryParam("size") String size) {
        QueryParams params = new QueryParams();
        int pageNumber = params.page(page);
        int pageSize = params.size(size);
        params.check();
        DryRunRequest request;
        request = RequestBodies.bind(RequestBodies.object(RequestBodies.text(body, CandidateFiles.MAX_BODY, "dry run")),
                DryRunRequest.class);
        boolean hasFiles = request.files() != null && !request.files().isEmpty()
                || request.remove() != null && !request.remove().isEmpty();
        if ((request.version() == null) == !hasFiles) {
            throw ProblemException.invalid("version", "give either a stored version or files, not both and not neither");
        }
        Ruleset candidate = request.version() != null
                ? versions.get(request.version()).orElseThrow(() -> ProblemException.invalid("version",
                        "'" + request.version() + "' is not a stored ruleset version"))
                : lifecycle.compile(lifecycle.overlay(request.files(), request.remove()));
        return dryRuns.run(candidate, pageNumber, pageSize);
    }
}
