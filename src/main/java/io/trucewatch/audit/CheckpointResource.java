package io.trucewatch.audit;

import io.trucewatch.access.Roles;
import io.trucewatch.web.Page;
import io.trucewatch.web.ProblemException;
import io.trucewatch.web.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Publishes the signed checkpoints of the audit chain with the key to check them, so that an
 * auditor can keep a copy outside the service and later ask whether the log only grew since
 * ({@code GET /api/audit/verify?since_checkpoint=&hash=}).
 */
@Path("/api/audit/checkpoints")
@RolesAllowed(Roles.AUDITOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class CheckpointResource {

    @Inject
    Checkpoints checkpoints;

    @Inject
    CheckpointKey key;

    /** The key that signs, and how: enough to check any checkpoint with a stock Ed25519 tool. */
    public record SigningKey(String algorithm, String keyId, String publicKey, String messageFormat) {
    }

    public record CheckpointList(SigningKey key, List<SignedCheckpoint> items, int page, int size, long total) {
    }

    public record LatestCheckpoint(SigningKey key, SignedCheckpoint checkpoint) {
    }

    @GET
    @Operation(summary = "Signed checkpoints in chain order, paged, with the public key that signed them")
    public CheckpointList list(@QueryParam("page") String page, @QueryParam("size") String size) {
        QueryParams params = new QueryParams();
        int pageNumber = params.page(page);
        int pageSize = params.size(size);
        params.check();
        Page<SignedCheckpoint> stored = checkpoints.stored(pageNumber, pageSize);
        return new CheckpointList(signingKey(), stored.items(), stored.page(), stored.size(), stored.total());
    }

    @GET
    @Path("/latest")
    @Operation(summary = "The newest signed checkpoint, with the public key that signed it")
    public LatestCheckpoint latest() {
        return checkpoints.latestStored().map(checkpoint -> new LatestCheckpoint(signingKey(), checkpoint))
                .orElseThrow(() -> ProblemException.notFound("a signed checkpoint"));
    }

    @POST
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Sign a checkpoint of the chain as it is now (201), or answer the one that already "
            + "covers it (200); 409 if the chain does not extend the last checkpoint")
    public Response sign() {
        Checkpoints.Outcome outcome = checkpoints.signHead();
        if (outcome.refusal() != null) {
            throw new ProblemException(409, "/problems/audit-chain-not-signable", "Chain not signed",
                    outcome.refusal(), List.of());
        }
        return Response.status(outcome.created() ? 201 : 200)
                .entity(new LatestCheckpoint(signingKey(), outcome.checkpoint())).build();
    }

    private SigningKey signingKey() {
        return new SigningKey(CheckpointKey.ALGORITHM, key.keyId(), key.publicKeyBase64(), CheckpointKey.MESSAGE_FORMAT);
    }
}
