package io.trucewatch.actors;

import io.trucewatch.access.Roles;
import io.trucewatch.rulesets.ActiveRuleset;
import io.trucewatch.rulesets.Ruleset;
import io.trucewatch.truces.ActorStanding;
import io.trucewatch.truces.Truce;
import io.trucewatch.web.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/actors")
@RolesAllowed({Roles.MONITOR, Roles.AUDITOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Actors", description = "The actor registry: check how a name resolves and where the actor stands")
public class ActorResource {

    @Inject
    ActiveRuleset rulesets;

    /**
     * How a name resolves, and the actor's standing towards each truce on {@code at} (the truce's
     * own start day by default).
     */
    public record Resolution(String query, boolean resolved, Actor actor, List<TruceStanding> standings) {
    }

    public record TruceStanding(String truce, Instant at, String standing, String party, String side, boolean exempt,
            String note) {
    }

    @GET
    @Operation(summary = "Resolve a name (q) against the registry, or list every actor without q; country reads "
            + "the name as that country's reports do ('civilians' in Ukraine is Civilians (Ukraine))")
    public Object resolve(@QueryParam("q") String q, @QueryParam("at") String at, @QueryParam("country") String country) {
        QueryParams params = new QueryParams();
        LocalDate day = params.date("at", at);
        params.check();
        Ruleset ruleset = rulesets.get();
        if (q == null || q.isBlank()) {
            return ruleset.terms().actors().all().stream().sorted(Comparator.comparing(Actor::id)).toList();
        }
        Optional<Actor> actor = ruleset.terms().actors().in(country).resolve(q);
        List<TruceStanding> standings = ruleset.terms().truces().values().stream()
                .sorted(Comparator.comparing(Truce::id))
                .map(truce -> standing(truce, actor, day))
                .toList();
        return new Resolution(q, actor.isPresent(), actor.orElse(null), standings);
    }

    private static TruceStanding standing(Truce truce, Optional<Actor> actor, LocalDate day) {
        Instant when = day == null ? truce.terms().startsAt() : day.atStartOfDay(truce.zone()).toInstant();
        ActorStanding s = truce.standingOf(actor, when);
        return new TruceStanding(truce.id(), when, s.standing().name(), s.party(), s.side(), s.exempt(), s.note());
    }
}
