package io.trucewatch.alerts;

import io.trucewatch.audit.CanonicalJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes events in the caller's transaction: an event exists if and only if the verdict it
 * announces was committed. Call it after the transaction's audit entries, so that the audit head
 * lock orders outbox sequence numbers as commits (see V5__alerts.sql).
 */
@ApplicationScoped
public class Outbox {

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    WebhookDispatcher dispatcher;

    public static final String VERDICT_CREATED = "verdict.created";
    public static final String VERDICT_CHANGED = "verdict.changed";
    public static final String REVIEW_DECIDED = "review.decided";

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent append(String type, String incidentId, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = "msg_" + UUID.randomUUID().toString().replace("-", "");
        event.type = type;
        event.incidentId = incidentId;
        event.occurredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", event.eventId);
        payload.put("type", type);
        payload.put("timestamp", event.occurredAt.toString());
        payload.put("data", data);
        event.payload = CanonicalJson.write(payload);
        event.persist();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    dispatcher.nudge();
                }
            }
        });
        return event;
    }
}
