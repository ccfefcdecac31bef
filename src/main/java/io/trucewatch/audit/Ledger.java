package io.trucewatch.audit;

import io.trucewatch.alerts.Outbox;
import io.trucewatch.alerts.OutboxEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The one way to record a step: its audit entry and, where integrations are told of it, its
 * outbox event, both written in the transaction of the state change they record and both numbered
 * under the chain's head lock. A reader that has seen event n has therefore seen every event
 * before n (a later commit cannot take a smaller number), whatever kind of writer made them
 * (reports, corrections, reviews, subscriptions, deliveries, activations, imports).
 */
@ApplicationScoped
public class Ledger {

    @Inject
    AuditTrail chain;

    @Inject
    Outbox outbox;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** An audit entry of {@code data} (written as canonical JSON). */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry record(String type, String incidentId, String principal, Object data) {
        return chain.appendWritten(type, incidentId, principal, CanonicalJson.text(data));
    }

    /** An audit entry whose data a caller wrote before the transaction (see GroupCommit). */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry recordWritten(String type, String incidentId, String principal, CanonicalJson.Text canonicalData) {
        return chain.appendWritten(type, incidentId, principal, canonicalData);
    }

    /** An audit entry and the event that announces it, numbered under the same lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent record(String type, String incidentId, String principal, Object data, Outbox.Prepared event) {
        return recordWritten(type, incidentId, principal, CanonicalJson.text(data), event);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent recordWritten(String type, String incidentId, String principal, CanonicalJson.Text canonicalData,
            Outbox.Prepared event) {
        chain.appendWritten(type, incidentId, principal, canonicalData);
        return outbox.append(new HeadLock(transactions.getTransactionKey()), event);
    }
}
