package io.trucewatch.patterns;

import io.quarkus.panache.common.Sort;
import io.trucewatch.access.Roles;
import io.trucewatch.review.ReviewRequest;
import io.trucewatch.rulesets.ActiveRuleset;
import io.trucewatch.web.Page;
import io.trucewatch.web.ProblemException;
import io.trucewatch.web.QueryParams;
import io.trucewatch.web.RequestBodies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Patterns over time, as the rules over time found them (CONTRACT: patterns). */
@Path("/api/patterns")
@Tag(name = "Patterns", description = "Bursts, persistent non-compliance, coordinated offensives, repeated sightings")
@Produces(MediaType.APPLICATION_JSON)
public class PatternResource {

    @Inject
    ActiveRuleset rulesets;

    @Inject
    PatternReviews reviews;

    @Inject
    PatternReplay replays;

    @GET
    @RolesAllowed({Roles.MONITOR, Roles.AUDITOR})
    @Transactional
    @Operation(summary = "Patterns, earliest first, paged and filtered",
            description = "truce: one truce's; party: whose (the truce's name for the party); from, to: event days "
                    + "(UTC) the pattern's reports span into; status: ACTIVE (default), WITHDRAWN or ALL.")
    public Page<PatternView> list(@QueryParam("truce") String truce, @QueryParam("party") String party,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        QueryParams params = new QueryParams();
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> values = new LinkedHashMap<>();
        String truceId = QueryParams.text(truce);
        if (truceId != null) {
            if (!rulesets.get().terms().truces().containsKey(truceId)) {
                params.error("truce", "'" + truceId + "' is not a truce in service: " + rulesets.get().terms().truces().keySet());
            }
            where.append(" and truceId = :truce");
            values.put("truce", truceId);
        }
        String partyName = QueryParams.text(party);
        if (partyName != null) {
            where.append(" and lower(party) = :party");
            values.put("party", partyName.toLowerCase(Locale.ROOT));
        }
        LocalDate first = params.date("from", from);
        LocalDate last = params.date("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            params.error("to", "must not be before from");
        }
        if (first != null) {
            where.append(" and lastAct >= :from");
            values.put("from", first.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (last != null) {
            where.append(" and firstAct < :to");
            values.put("to", last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        String wanted = QueryParams.text(status) == null ? StoredPattern.ACTIVE : status.strip().toUpperCase(Locale.ROOT);
        if (!List.of(StoredPattern.ACTIVE, StoredPattern.WITHDRAWN, "ALL").contains(wanted)) {
            params.error("status", "'" + status + "' is not one of ACTIVE, WITHDRAWN, ALL");
        } else if (!wanted.equals("ALL")) {
            where.append(" and status = :status");
            values.put("status", wanted);
        }
        int pageNumber = params.page(page);
        int pageSize = params.size(size);
        params.check();
        var query = StoredPattern.<StoredPattern>find(where.toString(), Sort.by("firstAct").and("id"), values);
        List<PatternView> items = new ArrayList<>();
        query.page(pageNumber, pageSize).list().forEach(p -> items.add(PatternView.of(p)));
        return new Page<>(items, pageNumber, pageSize, query.count());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MONITOR, Roles.AUDITOR})
    @Transactional
    @Operation(summary = "One pattern: its rule, clause, window, reports and reason")
    public PatternView get(@PathParam("id") String id) {
        StoredPattern pattern = StoredPattern.findById(id);
        if (pattern == null) {
            throw ProblemException.notFound("pattern " + id);
        }
        return PatternView.of(pattern);
    }

    @POST
    @Path("/{id}/reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Decide on a pattern: CONFIRMED, DISMISSED or ESCALATED, with a reason",
            description = "Sets the pattern's review_status, recorded in the audit trail and told as pattern.reviewed. "
                    + "A withdrawn pattern cannot be decided (409).")
    public PatternView review(@PathParam("id") String id, byte[] body, @Context SecurityContext security) {
        ReviewRequest request = ReviewRequest.parse(RequestBodies.text(body, 64 * 1024, "review"));
        return reviews.decide(id, request, security.getUserPrincipal().getName());
    }

    @POST
    @Path("/{id}/replay")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The pattern found again by the ruleset version that found it, from its reports as counted: "
            + "reproduced or not")
    public PatternReplay.Result replay(@PathParam("id") String id) {
        return replays.replay(id);
    }
}
