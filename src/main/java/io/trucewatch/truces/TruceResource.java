package io.trucewatch.truces;

import io.trucewatch.access.Roles;
import io.trucewatch.rulesets.ActiveRuleset;
import io.trucewatch.rulesets.Ruleset;
import io.trucewatch.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

@Path("/api/truces")
@RolesAllowed({Roles.MONITOR, Roles.AUDITOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Truces", description = "The terms in service: clauses, parties, exclusions, and the rules enforcing them")
public class TruceResource {

    @Inject
    ActiveRuleset rulesets;

    /** A truce in brief, for the list. */
    public record TruceSummary(String id, String title, String timeZone, Instant startsAt, Instant endsAt,
            List<String> countries, String rulesetVersion) {
    }

    /** A truce in full: its terms as configured, its start and end as instants, and its rules. */
    public record TruceDetail(TruceTerms terms, Instant startsAt, Instant endsAt, List<RuleSummary> rules,
            String rulesetVersion) {
    }

    public record RuleSummary(String name, String clause, String rulePackage) {
    }

    @GET
    @Operation(summary = "The truces in service")
    public List<TruceSummary> list() {
        Ruleset ruleset = rulesets.get();
        return ruleset.terms().truces().values().stream()
                .sorted(Comparator.comparing(Truce::id))
                .map(t -> new TruceSummary(t.id(), t.terms().title(), t.terms().timeZone(), t.terms().startsAt(),
                        t.terms().endsAt(), t.terms().scope().countries(), ruleset.version()))
                .toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One truce's terms, clauses, parties and the rules that enforce them")
    public TruceDetail get(@PathParam("id") String id) {
        Ruleset ruleset = rulesets.get();
        Truce truce = ruleset.terms().truces().get(id);
        if (truce == null) {
            throw ProblemException.notFound("truce " + id);
        }
        List<RuleSummary> rules = new ArrayList<>();
        for (KiePackage pkg : ruleset.rules().get(id).getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Object clause = rule.getMetaData().get("clause");
                rules.add(new RuleSummary(rule.getName(), clause == null ? null : clause.toString(),
                        rule.getPackageName()));
            }
        }
        rules.sort(Comparator.comparing(RuleSummary::name));
        return new TruceDetail(truce.terms(), truce.terms().startsAt(), truce.terms().endsAt(), rules,
                ruleset.version());
    }
}
