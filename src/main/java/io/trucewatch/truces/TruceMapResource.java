package io.trucewatch.truces;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trucewatch.access.Roles;
import io.trucewatch.actors.Actor;
import io.trucewatch.actors.ActorRegistry;
import io.trucewatch.rulesets.ActiveRuleset;
import io.trucewatch.rulesets.Ruleset;
import io.trucewatch.territory.ControlFile;
import io.trucewatch.territory.CountryLayer;
import io.trucewatch.territory.MapLayers;
import io.trucewatch.web.ProblemException;
import io.trucewatch.web.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A truce's ground on one day, for the console's map: the control map and the terms' lines as GeoJSON.
 * Read by those who read reports (monitors, auditors), as the reports it puts in context.
 */
@Path("/api/truces/{id}/map")
@RolesAllowed({Roles.MONITOR, Roles.AUDITOR})
@Tag(name = "Truces")
public class TruceMapResource {

    private static final String GEO_JSON = "application/geo+json";
    /** Standing of a holder that is no single actor: ground no side held (a front line, or sources disagree). */
    static final String CONTESTED = "CONTESTED";
    private static final MediaType GEO_JSON_TYPE = MediaType.valueOf(GEO_JSON);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ActiveRuleset rulesets;


    @GET
    @Produces({GEO_JSON, MediaType.APPLICATION_JSON})
    @Operation(summary = "The truce's ground on a day, as GeoJSON: control areas and settlements with their holder, "
            + "reference lines with their withdrawal zones, and an outline of each country",
            description = "day (YYYY-MM-DD, local to the truce; default: the day it started) picks the holders. "
                    + "Features have kind (outline, area, line, point), name, controller_id, controller_name, "
                    + "standing (the holder's standing towards this truce that day: BOUND, EXCLUDED, MIXED, …, or "
                    + "CONTESTED), side, since, source; lines add sides and withdrawal_zones (distance per weapon "
                    + "class, and the zone's status that day). Areas and settlements nobody is recorded as holding "
                    + "that day are left out. The outline is the convex hull of the service's own data, not a border. "
                    + "application/geo+json unless application/json is asked for; the body is the same.")
    @APIResponse(responseCode = "200", description = "A FeatureCollection with bbox, truce, day and ruleset_version",
            content = {@Content(mediaType = GEO_JSON), @Content(mediaType = MediaType.APPLICATION_JSON)})
    @APIResponse(responseCode = "400", description = "day is not a date")
    @APIResponse(responseCode = "404", description = "No truce with this id is in service")
    public Response map(@PathParam("id") String id, @QueryParam("day") String day, @Context HttpHeaders headers) {
        Ruleset ruleset = rulesets.get();
        Truce truce = ruleset.terms().truces().get(id);
        if (truce == null) {
            throw ProblemException.notFound("truce " + id);
        }
        QueryParams params = new QueryParams();
        LocalDate asked = params.date("day", day);
        params.check();
        LocalDate shown = asked != null ? asked : truce.terms().starts().toLocalDate();
        List<CountryLayer> countries = truce.countries().stream().sorted()
                .map(country -> ruleset.terms().control().layer(country))
                .flatMap(Optional::stream).toList();
        Instant at = instantOf(truce, shown);
        ObjectNode collection = MapLayers.collection(countries, TruceMapLines.of(truce, shown), shown,
                controller -> holder(truce, ruleset.terms().actors(), controller, at));
        // Foreign members (RFC 7946 §6.1): what the map is of, so a client can label it.
        collection.put("truce", truce.id());
        collection.put("day", shown.toString());
        collection.put("ruleset_version", ruleset.version());
        return Response.ok(bytes(collection), answerType(headers)).build();
    }

    /**
     * GeoJSON's own type, unless the caller prefers plain JSON: the first acceptable type (JAX-RS sorts
     * them by quality, then specificity) that names one of the two decides; a wildcard means GeoJSON.
     */
    private static MediaType answerType(HttpHeaders headers) {
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            if (acceptable.isCompatible(GEO_JSON_TYPE)) {
                return GEO_JSON_TYPE;
            }
            if (acceptable.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return MediaType.APPLICATION_JSON_TYPE;
            }
        }
        return GEO_JSON_TYPE;
    }

    /**
     * Standings are taken at the start of the day in the truce's zone; on the day the truce started,
     * at its start, so the first day's map shows who the truce bound.
     */
    private static Instant instantOf(Truce truce, LocalDate day) {
        Instant dayStart = day.atStartOfDay(truce.zone()).toInstant();
        boolean startDay = day.equals(truce.terms().starts().toLocalDate());
        return startDay && dayStart.isBefore(truce.startsAt()) ? truce.startsAt() : dayStart;
    }

    private static MapLayers.Holder holder(Truce truce, ActorRegistry actors, ControlFile.Period period, Instant at) {
        String controller = period.controller();
        if (ControlFile.CONTESTED.equals(controller)) {
            return new MapLayers.Holder(controller, "contested (no single holder)", CONTESTED, null);
        }
        Optional<Actor> actor = actors.byId(controller);
        List<Optional<Actor>> alongside = period.alongside().stream().map(actors::byId).toList();
        ActorStanding standing = truce.standingOfHolding(actor, alongside, at);
        String name = period.holderName(id -> actors.byId(id).map(Actor::name).orElse(id));
        return new MapLayers.Holder(controller, name, standing.standing().name(), standing.side());
    }

    private static byte[] bytes(ObjectNode collection) {
        try {
            return JSON.writeValueAsBytes(collection);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }
}
