package io.trucewatch.incidents;

import io.trucewatch.evaluation.Verdict;
import io.trucewatch.web.QueryParams;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** The filters every incident list and export takes, as query parameters. */
public class IncidentQueryParams {

    @QueryParam("verdict")
    public String verdict;

    @QueryParam("truce")
    public String truce;

    /** An actor id, name or alias, in any role. */
    @QueryParam("actor")
    public String actor;

    @QueryParam("admin1")
    public String admin1;

    @QueryParam("from")
    public String from;

    @QueryParam("to")
    public String to;

    @QueryParam("submitted_by")
    public String submittedBy;

    /** Comma-separated review statuses. */
    @QueryParam("review_status")
    public String reviewStatus;

    /** Checks every parameter and names each bad one in a single 400. */
    public IncidentFilter toFilter(QueryParams params) {
        IncidentFilter filter = new IncidentFilter(params.oneOf("verdict", verdict, Verdict.class), QueryParams.text(truce),
                QueryParams.text(actor), QueryParams.text(admin1), params.date("from", from), params.date("to", to),
                QueryParams.text(submittedBy), reviewStatuses(params));
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            params.error("to", "must not be before from");
        }
        return filter;
    }

    private Set<ReviewStatus> reviewStatuses(QueryParams params) {
        Set<ReviewStatus> statuses = new LinkedHashSet<>();
        if (reviewStatus != null && !reviewStatus.isBlank()) {
            Arrays.stream(reviewStatus.split(",")).map(s -> params.oneOf("review_status", s, ReviewStatus.class))
                    .filter(s -> s != null).forEach(statuses::add);
        }
        return statuses;
    }
}
