package io.trucewatch.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.trucewatch.access.Roles;
import io.trucewatch.web.Page;
import io.trucewatch.web.Problem;
import io.trucewatch.web.ProblemException;
import io.trucewatch.web.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/audit")
@RolesAllowed(Roles.AUDITOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The append-only, hash-chained audit trail")
public class AuditResource {

    private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{64}");

    @Inject
    AuditVerification verification;

    public record AuditEntryView(long seq, Instant recordedAt, String type, String incidentId, String principal,
            JsonNode data, String previousHash, String hash) {

        static AuditEntryView of(AuditEntry e) {
            return new AuditEntryView(e.seq, e.recordedAt, e.type, e.incidentId, e.principal,
                    CanonicalJson.parse(e.data), e.previousHash, e.hash);
        }
    }

    @GET
    @Transactional
    @Operation(summary = "Audit entries in chain order, paged; filter by incident id")
    public Page<AuditEntryView> list(@QueryParam("incident") String incident, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        QueryParams params = new QueryParams();
        int pageNumber = params.page(page);
        int pageSize = params.size(size);
        params.check();
        PanacheQuery<AuditEntry> query = incident == null || incident.isBlank()
                ? AuditEntry.find("order by seq")
                : AuditEntry.find("incidentId = ?1 order by seq", incident.strip());
        return new Page<>(query.page(pageNumber, pageSize).list().stream().map(AuditEntryView::of).toList(),
                pageNumber, pageSize, query.count());
    }

    @GET
    @Path("/verify")
    @Operation(summary = "Walk the whole chain, check every signed checkpoint against it and every incident's "
            + "stored state against its entries: whether all holds and, if not, the first thing that does not. "
            + "With since_checkpoint and hash: whether the chain holds and still has that entry with that hash "
            + "(the log only grew since that checkpoint)")
    public ChainCheck verify(@QueryParam("since_checkpoint") String sinceCheckpoint, @QueryParam("hash") String hash) {
        boolean since = sinceCheckpoint != null && !sinceCheckpoint.isBlank();
        boolean hashed = hash != null && !hash.isBlank();
        if (!since && !hashed) {
            return verification.verify();
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        long seq = 0;
        if (!since) {
            errors.add(new Problem.FieldError("since_checkpoint", "is required with hash: the checkpoint's seq"));
        } else {
            try {
                seq = Long.parseLong(sinceCheckpoint.strip());
            } catch (NumberFormatException e) {
                seq = 0;
            }
            if (seq < 1) {
                errors.add(new Problem.FieldError("since_checkpoint", "must be an entry's seq (1 or more)"));
            }
        }
        if (!hashed || !HASH.matcher(hash.strip()).matches()) {
            errors.add(new Problem.FieldError("hash", "must be the checkpoint's head_hash: 64 hex digits"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return verification.verifySince(seq, hash.strip());
    }
}
