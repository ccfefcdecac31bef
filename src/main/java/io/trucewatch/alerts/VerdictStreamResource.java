package io.trucewatch.alerts;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.trucewatch.access.Roles;
import io.trucewatch.audit.CanonicalJson;
import io.trucewatch.web.Problem;
import io.trucewatch.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/stream/verdicts")
@Tag(name = "Alerts")
public class VerdictStreamResource {

    private static final int BATCH = 100;

    @Inject
    Subscriptions subscriptions;

    @Inject
    WebhookConfig config;

    @Inject
    OutboxFollower ledgerTail;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.MONITOR, Roles.AUDITOR, Roles.ADMIN})
    @Blocking // the filter is checked against the registries before streaming
    @Operation(summary = "Events as they commit, as Server-Sent Events",
            description = "Same filters as a subscription (truce, verdict, party, admin1; repeat a parameter for several "
                    + "values; verdict defaults to PROBABLE_VIOLATION). Each event's id is its outbox sequence number: "
                    + "reconnect with Last-Event-ID to receive what was missed. Every event is kept, so a stream can "
                    + "resume from any point.")
    public Multi<OutboundSseEvent> stream(@QueryParam("truce") List<String> truces, @QueryParam("verdict") List<String> verdicts,
            @QueryParam("party") List<String> parties, @QueryParam("admin1") String admin1,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        EventFilter filter = filter(truces, verdicts, parties, admin1);
        AtomicLong cursor = new AtomicLong(start(lastEventId));
        OutboundSseEvent hello = sse.newEventBuilder().comment("trucewatch verdict stream; resuming after " + cursor.get()).build();
        Multi<OutboundSseEvent> events = Multi.createFrom().ticks().every(config.pollInterval())
                .onOverflow().drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(tick -> after(cursor))
                .filter(event -> filter.matches(CanonicalJson.parse(event.payload).path("data")))
                .map(event -> sse.newEventBuilder().id(String.valueOf(event.seq)).name(event.type)
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(event.payload).build());
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(hello), events);
    }

    /**
     * Events committed after the cursor, in order, from the ledger's tail in memory (shared by all
     * clients; the database only for a cursor older than the tail); moves the cursor past them.
     */
    private List<OutboxEvent> after(AtomicLong cursor) {
        List<OutboxEvent> events = ledgerTail.after(cursor.get(), BATCH);
        if (!events.isEmpty()) {
            cursor.set(events.get(events.size() - 1).seq);
        }
        return events;
    }

    private long start(String lastEventId) {
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                return Long.parseLong(lastEventId.strip());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("Last-Event-ID", "must be the id of an event of this stream (a number)");
            }
        }
        return ledgerTail.newest();
    }

    private EventFilter filter(List<String> truces, List<String> verdicts, List<String> parties, String admin1) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        truces.forEach(node.withArray("truces")::add);
        verdicts.forEach(node.withArray("verdicts")::add);
        parties.forEach(node.withArray("parties")::add);
        if (admin1 != null && !admin1.isBlank()) {
            node.put("admin1", admin1);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        EventFilter filter = subscriptions.filter(node, "", true, errors);
        if (!errors.isEmpty()) {
            // Query parameters are singular: "truce", not "truces[0]".
            throw ProblemException.invalid(errors.stream().map(e -> new Problem.FieldError(
                    e.field().replaceAll("^truces", "truce").replaceAll("^verdicts", "verdict")
                            .replaceAll("^parties", "party").replaceAll("\\[\\d+]$", ""), e.message())).toList());
        }
        return filter;
    }
}
