package io.trucewatch.rulesets;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.trucewatch.access.Roles;
import io.trucewatch.web.Page;
import io.trucewatch.web.RequestBodies;
import io.trucewatch.web.ProblemException;
import io.trucewatch.web.QueryParams;
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
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/rulesets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rulesets", description = "Versions of rules/ + config/: validate, reload, inspect")
public class RulesetResource {

    public record Activation(Instant activatedAt, String activatedBy, String trigger) {
    }

    public record VersionSummary(String version, Instant firstUsedAt, int fileCount, boolean active,
            List<Activation> activations) {
    }

    public record StoredFile(String path, String sha256, String content) {
    }

    public record VersionDetail(String version, boolean active, List<StoredFile> files) {
    }

    public record Validation(boolean valid, String version, Set<String> truces, int scenarios, long compileMillis,
            long scenarioMillis) {
    }

    @Inject
    ActiveRuleset active;

    @Inject
    RulesetLifecycle lifecycle;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Every ruleset version ever used, newest first: when put into service, by whom, which is active")
    public Page<VersionSummary> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        QueryParams params = new QueryParams();
        int pageNumber = params.page(page);
        int pageSize = params.size(size);
        params.check();
        String current = active.get().version();
        return QuarkusTransaction.requiringNew().call(() -> {
            var found = StoredRulesetVersion.<StoredRulesetVersion>find("order by firstUsedAt desc, version");
            List<VersionSummary> items = found.page(pageNumber, pageSize).list().stream().map(v -> new VersionSummary(
                    v.version, v.firstUsedAt, v.fileCount, v.version.equals(current),
                    RulesetActivation.<RulesetActivation>list("version = ?1 order by id", v.version).stream()
                            .map(a -> new Activation(a.activatedAt, a.activatedBy, a.trigger)).toList())).toList();
            return new Page<>(items, pageNumber, pageSize, found.count());
        });
    }

    @GET
    @Path("/{version}")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The files of one version, exactly as they were used")
    public VersionDetail get(@PathParam("version") String version) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (StoredRulesetVersion.findById(version) == null) {
                throw ProblemException.notFound("ruleset version " + version);
            }
            List<StoredFile> files = StoredRulesetFile.<StoredRulesetFile>list("version = ?1 order by path", version)
                    .stream().map(f -> new StoredFile(f.path, f.sha256, StoredBlob.<StoredBlob>findById(f.sha256).content))
                    .toList();
            return new VersionDetail(version, version.equals(active.get().version()), files);
        });
    }

    @POST
    @Path("/validate")
    @Consumes({MediaType.APPLICATION_JSON, "application/zip"})
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Compile and check a candidate without putting it into service",
            description = "JSON {files: {path: content}, remove: [path]} is applied to the ruleset in service; a zip "
                    + "holds a complete rules/ + config/ tree. The candidate is compiled in isolation, its configuration "
                    + "checked and its scenarios run. 200 when it could be activated; 422 with errors [{file, line, "
                    + "column, message}] otherwise.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CandidateFiles.class)))
    @APIResponse(responseCode = "200", description = "The candidate is valid",
            content = @Content(schema = @Schema(implementation = Validation.class)))
    @APIResponse(responseCode = "422", description = "Every error with its file and line",
            content = @Content(mediaType = "application/problem+json"))
    public Validation validate(byte[] body, @Context jakarta.ws.rs.core.HttpHeaders headers) {
        CandidateCheck.Outcome checked = lifecycle.vet(candidate(body, headers.getMediaType()));
        return new Validation(true, checked.version(), new java.util.TreeSet<>(checked.truces()), checked.scenarios(),
                checked.compileMillis(), checked.scenarioMillis());
    }

    @POST
    @Path("/reload")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Put rules/ and config/ from disk into service, if they pass every check",
            description = "Compiles the files on disk, runs their scenarios, and only then swaps them in atomically; "
                    + "requests in flight finish on the version they started with. A candidate that fails is rejected "
                    + "(422, and an audit entry) and the ruleset in service keeps serving.")
    public RulesetLifecycle.Reload reload(@Context SecurityContext security) {
        return lifecycle.reload(security.getUserPrincipal().getName(), RulesetActivation.Trigger.RELOAD);
    }

    /** A candidate from a request body: a zip is a whole tree, JSON an overlay on the ruleset in service. */
    RulesetSnapshot candidate(byte[] body, MediaType type) {
        if (type != null && type.isCompatible(MediaType.valueOf("application/zip"))) {
            return CandidateFiles.fromZip(body);
        }
        CandidateFiles files = RequestBodies.bind(
                RequestBodies.object(RequestBodies.text(body, CandidateFiles.MAX_BODY, "candidate")), CandidateFiles.class);
        if ((files.files() == null || files.files().isEmpty()) && (files.remove() == null || files.remove().isEmpty())) {
            throw ProblemException.invalid("files", "name at least one file to add, replace or remove");
        }
        return lifecycle.overlay(files.files(), files.remove());
    }
}
