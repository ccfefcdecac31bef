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
                    + "PENDING (never reviewed, or corrected since) or ESCALATED; status= narrows to one of the two.")
    public Page<IncidentView> queue(@QueryParam("truce") String truce, @QueryParam("party") String party,
            @QueryParam("admin1") String admin1, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("status") String status, @QueryParam("page") String page, @QueryParam("size") String size) {
        QueryParams params = new QueryParams();
        IncidentFilter filter = new IncidentFilter(null, QueryParams.text(truce), QueryParams.text(party), QueryParams.text(admin1),
                params.date("from", from), params.date("to", to), null, waiting(params, status));
        int pageNumber = params.page(page);
        int pageSize = params.size(size);
        params.check();
        return search.search(filter, IncidentSearch.Order.OLDEST_FIRST, pageNumber, pageSize);
    }

    /** The statuses that wait for a decision, or the one of them asked for. */
    private static Set<ReviewStatus> waiting(QueryParams params, String status) {
        Set<ReviewStatus> waiting = Set.of(ReviewStatus.PENDING, ReviewStatus.ESCALATED);
        String asked = QueryParams.text(status);
        if (asked == null) {
            return waiting;
        }
        for (ReviewStatus candidate : waiting) {
            if (candidate.name().equals(asked)) {
                return Set.of(candidate);
            }
        }
        params.error("status", "one of PENDING, ESCALATED (the queue holds only reports waiting for a decision)");
        return waiting;
    }
}
