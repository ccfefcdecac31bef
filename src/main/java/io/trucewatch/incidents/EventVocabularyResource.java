package io.trucewatch.incidents;

import io.trucewatch.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The event vocabulary reports are checked against, for forms that offer it (the console's). */
@Path("/api/vocabulary/event-types")
@Tag(name = "Incidents")
public class EventVocabularyResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MONITOR, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "ACLED's event types and the sub-event types of each, as reports are checked against them")
    public Map<String, List<String>> eventTypes() {
        Map<String, List<String>> vocabulary = new LinkedHashMap<>();
        EventVocabulary.eventTypes().forEach(type -> vocabulary.put(type, EventVocabulary.subEventTypes(type)));
        return vocabulary;
    }
}
