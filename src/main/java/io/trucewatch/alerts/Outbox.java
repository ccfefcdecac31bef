package io.trucewatch.alerts;
import io.trucewatch.audit.CanonicalJson;
import io.trucewatch.audit.HeadLock;
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
 * announces was committed. Written only through the ledger (audit.Ledger), which holds the audit
 * head lock while it numbers them, so that sequence numbers follow commit order.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    OutboxFollower follower;

    public static final String VERDICT_CREATED = "verdict.created";
    public static final String VERDICT_CHANGED = "verdict.changed";
    public static final String REVIEW_DECIDED = "review.decided";
    public static final String PATTERN_DETECTED = "pattern.detected";
    public static final String PATTERN_REVISED = "pattern.revised";
    public static final String PATTERN_WITHDRAWN = "pattern.withdrawn";
    public static final String PATTERN_REVIEWED = "pattern.reviewed";
    public static final String LINK_DECIDED = "link.decided";

    /**
     * An event ready to be written: its id, time and exact payload bytes. Made before the
     * transaction, so the JSON is written outside the chain's lock (see GroupCommit).
     */
    public record Prepared(String eventId, String type, String incidentId, Instant occurredAt, String payload) {
    }

    public Prepared prepare(String type, String incidentId, Object data) {
        String eventId = "msg_" + UUID.randomUUID().toString().replace("-", "");
        Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", eventId);
        payload.put("type", type);
        payload.put("timestamp", occurredAt.toString());
        payload.put("data", data);
        return new Prepared(eventId, type, incidentId, occurredAt, CanonicalJson.write(payload));
    }

    /**
     * Writes the event; {@code lock} proves the caller's transaction holds the audit head lock, so
     * the event's number follows commit order. Only the Ledger has one (audit.Ledger).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent append(HeadLock lock, Prepared prepared) {
        lock.requireHeldBy(transactions.getTransactionKey());
        OutboxEvent event = new OutboxEvent();
        event.eventId = prepared.eventId();
        event.type = prepared.type();
        event.incidentId = prepared.incidentId();
        event.occurredAt = prepared.occurredAt();
        event.payload = prepared.payload();
        event.persist();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    dispatcher.nudge();
                    follower.nudge();
                }
            }
        });
        return event;
    }
}
