package io.trucewatch.review;

import io.trucewatch.access.Roles;
import io.trucewatch.incidents.IncidentFilter;
import io.trucewatch.incidents.IncidentSearch;
import io.trucewatch.incidents.IncidentView;
import io.trucewatch.incidents.ReviewStatus;
import io.trucewatch.web.Page;
import io.trucewatch.web.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/review/queue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Review")
public class ReviewQueueResource {

    @Inject
    IncidentSearch search;

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Flagged reports no auditor has decided, oldest first",
            description = "Reports whose latest verdict is PROBABLE_VIOLATION or NEEDS_REVIEW with review_status "
                    + "PENDING (never reviewed, or corrected since) or ESCALATED.")
    public Page<IncidentView> queue(@QueryParam("truce") String truce, @QueryParam("party") String party,
            @QueryParam("admin1") String admin1, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        QueryParams params = new QueryParams();
        IncidentFilter filter = new IncidentFilter(null, QueryParams.text(truce), QueryParams.text(party), QueryParams.text(admin1),
                params.date("from", from), params.date("to", to), null,
                Set.of(ReviewStatus.PENDING, ReviewStatus.ESCALATED));
        int pageNumber = params.page(page);
        int pageSize = params.size(size);
        params.check();
        return search.search(filter, IncidentSearch.Order.OLDEST_FIRST, pageNumber, pageSize);
    }
}
