package io.trucewatch.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.trucewatch.access.Roles;
import io.trucewatch.web.Page;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/audit")
@RolesAllowed(Roles.AUDITOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The append-only, hash-chained audit trail")
public class AuditResource {

    @Inject
    AuditTrail trail;

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
    @Operation(summary = "Walk the whole chain: whether it holds and, if not, the first entry that breaks it")
    public ChainCheck verify() {
        return trail.verify();
    }
}
