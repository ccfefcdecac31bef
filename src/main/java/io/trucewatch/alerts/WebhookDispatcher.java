package io.trucewatch.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import io.trucewatch.audit.AuditTrail;
import io.trucewatch.audit.Ledger;
import io.trucewatch.audit.CanonicalJson;
import io.trucewatch.background.BackgroundWork;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Sends webhooks, off the request path so that a slow or dead receiver never touches report
 * submission. Each round it (1) fans new outbox events out into deliveries for the subscriptions
 * whose filter matches — cursor and deliveries in one transaction, so nothing is skipped or doubled
 * across a crash — and (2) sends the deliveries that are due, asynchronously, at most
 * {@code concurrency} at a time. Every attempt's outcome is stored and audited; failures are retried
 * with exponential backoff and jitter, and dead-lettered when the schedule runs out. A delivery is
 * marked only after its attempt ends, so one cut off by a restart is sent again after it, with the
 * same webhook-id (at least once).
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int FAN_OUT_BATCH = 200;
    /** JPA's lock-timeout hint; Hibernate reads -2 as SKIP LOCKED (rows another transaction holds are left out). */
    private static final String LOCK_TIMEOUT = "jakarta.persistence.lock.timeout";
    private static final int SKIP_LOCKED = -2;
    private static final Duration CLAIM_MARGIN = Duration.ofSeconds(30);
    private static final String POLL_JOB = "webhook-dispatcher";
    /** A round under way when the service stops is let finish: it commits before the datasource closes. */
    private static final long STOP_WAIT_SECONDS = 10;

    @Inject
    WebhookConfig config;

    @Inject
    ReceiverGuard guard;

    @Inject
    Ledger ledger;

    @Inject
    MeterRegistry metrics;

    @Inject
    Vertx vertx;

    @Inject
    Scheduler scheduler;

    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private static final long PENDING_COUNT_EVERY = TimeUnit.SECONDS.toNanos(5);
    private static final long CURSOR_WRITE_EVERY = TimeUnit.SECONDS.toNanos(5);
    private final AtomicLong lag = new AtomicLong();
    /** Round state: read and written by rounds only, which run one at a time (see {@link #round}). */
    private long dispatched = -1;
    private long lastDueCheck;
    private long lastPendingCount;
    private long lastCursorWrite;
    /** A round is asked for and has not started yet: further asks (nudges, polls) join it. */
    private final AtomicBoolean roundRequested = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private volatile boolean stopped;
    /**
     * Every round, the scheduler's and the nudged ones alike, runs on this one worker: rounds never
     * overlap, and a nudge runs at once instead of waiting for the next poll.
     */
    private volatile ManagedExecutor rounds;
    /** Records attempts' outcomes: each is a blocking transaction, so not on Vert.x event loops. */
    private ManagedExecutor outcomes;
    private ReceiverClient http;
    private Counter succeeded;
    private Counter failed;
    private Counter dead;

    void start(@Observes StartupEvent startup) {
        succeeded = metrics.counter("trucewatch.webhook.deliveries", "outcome", "succeeded");
        failed = metrics.counter("trucewatch.webhook.deliveries", "outcome", "failed");
        dead = metrics.counter("trucewatch.webhook.deliveries", "outcome", "dead_lettered");
        metrics.gauge("trucewatch.outbox.lag.events", lag);
        metrics.gauge("trucewatch.webhook.deliveries.pending", pending);
        outcomes = BackgroundWork.dedicatedWorkers(2);
        http = new ReceiverClient(vertx, config.timeout(), config.concurrency());
        lastDueCheck = System.nanoTime() - config.pollInterval().toNanos();
        lastPendingCount = System.nanoTime() - PENDING_COUNT_EVERY;
        rounds = BackgroundWork.dedicatedWorkers(1);
        // Scheduled here, not with @Scheduled: the scheduler starts before the startup observers,
        // and a poll must not come before the client and counters above exist. The poll only asks
        // for a round, exactly as a nudge does.
        BackgroundWork.every(scheduler, POLL_JOB, config.pollInterval(), this::requestRound);
        requestRound();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (rounds == null) {
            return;
        }
        stopped = true;
        scheduler.unscheduleJob(POLL_JOB);
        rounds.shutdown();
        if (!rounds.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            LOG.warnf("a webhook dispatch round was still running after %d s at shutdown", STOP_WAIT_SECONDS);
        }
        // Outcomes not yet recorded are dropped: those deliveries' leases run out and they are sent
        // again after the restart (at least once).
        outcomes.shutdownNow();
        http.close();
    }

    /**
     * Called after a transaction that wrote events commits: runs a round now instead of at the next
     * poll, so a webhook leaves within milliseconds. Nudges coalesce into one extra round.
     */
    void nudge() {
        if (rounds != null) {
            requestRound();
        }
    }

    private void requestRound() {
        if (stopped || !roundRequested.compareAndSet(false, true)) {
            return;
        }
        try {
            rounds.execute(this::round);
        } catch (RejectedExecutionException e) {
            LOG.debug("shutting down: no further webhook dispatch round");
        }
    }

    /**
     * One round. The worker runs rounds one at a time but not always on the same pool thread;
     * the monitor makes each round see the state the previous one left.
     */
    private synchronized void round() {
        // Cleared first: a commit from now on asks for another round, which sees its events.
        roundRequested.set(false);
        if (!stopped) {
            tick();
        }
    }

    private void tick() {
        try {
            boolean newDeliveries = fanOut();
            long now = System.nanoTime();
            // Due deliveries are looked for when new ones were made, and otherwise once per poll
            // interval (for retries coming due): not on every nudge, which comes with every commit.
            if (newDeliveries || now - lastDueCheck >= config.pollInterval().toNanos()) {
                lastDueCheck = now;
                sendDue();
            }
        } catch (RuntimeException e) {
            LOG.warn("webhook dispatch round failed; retrying next round", e);
        }
    }

    /**
     * New outbox events become deliveries for every live subscription whose filter matches. Says
     * whether any delivery was made. The newest sequence number is read first, without a lock, so
     * a round with nothing new costs one indexed read.
     */
    boolean fanOut() {
        // One read-only transaction per round (every commit nudges one): the newest event, and
        // whether anybody is subscribed, asked only when there is something new.
        NewEvents fresh = QuarkusTransaction.requiringNew().call(() -> {
            Long max = OutboxEvent.find("select max(seq) from OutboxEvent").project(Long.class).firstResult();
            return max == null || max <= dispatched ? null : new NewEvents(max, Subscription.count("deletedAt is null") > 0);
        });
        if (fresh == null) {
            lag.set(0);
            return false;
        }
        long newest = fresh.newest();
        boolean anyone = fresh.anyone();
        if (!anyone && dispatched >= 0 && System.nanoTime() - lastCursorWrite < CURSOR_WRITE_EVERY) {
            // Nobody to tell: move on in memory and write the cursor now and then, not on every
            // commit (each H2 commit stores pages). A cursor left behind by a crash is harmless:
            // events older than a subscription are never fanned out to it.
            dispatched = newest;
            lag.set(0);
            return false;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            OutboxCursor cursor = OutboxCursor.findById(1, LockModeType.PESSIMISTIC_WRITE);
            cursor.dispatchedSeq = Math.max(cursor.dispatchedSeq, anyone ? cursor.dispatchedSeq : newest);
            List<OutboxEvent> events = OutboxEvent.<OutboxEvent>find("seq > ?1 order by seq", cursor.dispatchedSeq)
                    .page(0, FAN_OUT_BATCH).list();
            lastCursorWrite = System.nanoTime();
            if (events.isEmpty()) {
                dispatched = cursor.dispatchedSeq;
                lag.set(Math.max(0, newest - cursor.dispatchedSeq));
                return false;
            }
            boolean made = false;
            List<Subscription> live = Subscription.list("deletedAt is null");
            // Each filter is read once per round, not once per event.
            Map<String, EventFilter> filters = new HashMap<>();
            live.forEach(subscription -> filters.put(subscription.id, Subscriptions.filterOf(subscription)));
            Instant now = Instant.now();
            for (OutboxEvent event : events) {
                JsonNode data = CanonicalJson.parse(event.payload).path("data");
                for (Subscription subscription : live) {
                    boolean afterSubscribing = !event.occurredAt.isBefore(subscription.createdAt.truncatedTo(ChronoUnit.MILLIS));
                    if (afterSubscribing && filters.get(subscription.id).matches(data)
                            && Delivery.count("subscriptionId = ?1 and eventSeq = ?2", subscription.id, event.seq) == 0) {
                        Delivery delivery = new Delivery();
                        delivery.id = UUID.randomUUID().toString();
                        delivery.subscriptionId = subscription.id;
                        delivery.eventSeq = event.seq;
                        delivery.eventId = event.eventId;
                        delivery.status = Delivery.Status.PENDING.name();
                        delivery.createdAt = now;
                        delivery.nextAttemptAt = now;
                        delivery.persist();
                        made = true;
                    }
                }
                cursor.dispatchedSeq = event.seq;
            }
            dispatched = cursor.dispatchedSeq;
            lag.set(Math.max(0, newest - cursor.dispatchedSeq));
            return made;
        });
    }

    private void sendDue() {
        int free = config.concurrency() - inFlight.size();
        if (free <= 0) {
            return;
        }
        List<Attempt> due = QuarkusTransaction.requiringNew().call(() -> {
            if (System.nanoTime() - lastPendingCount >= PENDING_COUNT_EVERY) {
                lastPendingCount = System.nanoTime();
                pending.set(Delivery.count("status", Delivery.Status.PENDING.name()));
            }
            // Claimed, not only read: the due rows are locked (another instance's round skips them)
            // and their next attempt moves to the end of a lease, so neither another instance nor a
            // later round here sends them while this attempt is under way. The outcome, recorded
            // below, sets the real next attempt; an instance that dies mid-attempt leaves the lease
            // to run out, and the delivery is sent again (receivers deduplicate by webhook-id).
            Instant now = Instant.now();
            List<Delivery> claimed = Delivery.<Delivery>find(
                    "status = ?1 and nextAttemptAt <= ?2 order by nextAttemptAt", Delivery.Status.PENDING.name(), now)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).withHint(LOCK_TIMEOUT, SKIP_LOCKED)
                    .page(0, free).list();
            Instant leaseEnd = now.plus(claimLease());
            claimed.forEach(delivery -> delivery.nextAttemptAt = leaseEnd);
            return claimed.stream()
                    .map(d -> new Attempt(d.id, Subscription.<Subscription>findById(d.subscriptionId),
                            OutboxEvent.<OutboxEvent>findById(d.eventSeq)))
                    .toList();
        });
        for (Attempt attempt : due) {
            inFlight.add(attempt.deliveryId());
            send(attempt);
        }
    }

    /** Long enough for an attempt to time out and its outcome to be recorded. */
    Duration claimLease() {
        return config.timeout().plus(CLAIM_MARGIN);
    }

    private record NewEvents(long newest, boolean anyone) {
    }

    private record Attempt(String deliveryId, Subscription subscription, OutboxEvent event) {
    }

    private void send(Attempt attempt) {
        URI url = URI.create(attempt.subscription().url);
        // Resolved once: the request goes to the address checked here, not to a fresh lookup.
        ReceiverGuard.Check check = guard.check(url);
        if (check.refusal().isPresent()) {
            record(attempt, null, "refused by the SSRF guard: " + check.refusal().get());
            return;
        }
        long timestamp = Instant.now().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "trucewatch-webhooks");
        headers.put("webhook-id", attempt.event().eventId);
        headers.put("webhook-timestamp", String.valueOf(timestamp));
        headers.put("webhook-signature", WebhookSignature.sign(attempt.subscription().secret,
                attempt.event().eventId, timestamp, attempt.event().payload));
        http.post(url, check.address(), headers, attempt.event().payload).whenCompleteAsync((status, failure) -> {
            Throwable error = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            record(attempt, status, error == null ? null : error.getClass().getSimpleName() + ": " + error.getMessage());
        }, outcomes);
    }

    /** Stores an attempt's outcome with its audit entry; decides retry or dead letter. */
    private void record(Attempt attempt, Integer status, String error) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Delivery delivery = Delivery.findById(attempt.deliveryId());
                delivery.attempts++;
                delivery.lastStatus = status;
                boolean ok = error == null && status != null && status >= 200 && status < 300;
                delivery.lastError = ok ? null : truncate(error != null ? error : "HTTP " + status);
                String outcome;
                if (ok) {
                    delivery.status = Delivery.Status.SUCCEEDED.name();
                    delivery.succeededAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    delivery.nextAttemptAt = null;
                    outcome = AuditTrail.DELIVERY_SUCCEEDED;
                } else if (delivery.attempts > config.retryDelays().size()) {
                    delivery.status = Delivery.Status.DEAD.name();
                    delivery.nextAttemptAt = null;
                    outcome = AuditTrail.DELIVERY_DEAD_LETTERED;
                } else {
                    delivery.nextAttemptAt = Instant.now().plus(jittered(config.retryDelays().get(delivery.attempts - 1)));
                    outcome = AuditTrail.DELIVERY_FAILED;
                }
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("delivery_id", delivery.id);
                data.put("subscription_id", delivery.subscriptionId);
                data.put("event_id", delivery.eventId);
                data.put("attempt", delivery.attempts);
                data.put("http_status", status);
                data.put("error", delivery.lastError);
                data.put("next_attempt_at", delivery.nextAttemptAt == null ? null : delivery.nextAttemptAt.toString());
                ledger.record(outcome, attempt.event().incidentId, "webhook-dispatcher", data);
                (ok ? succeeded : outcome.equals(AuditTrail.DELIVERY_DEAD_LETTERED) ? dead : failed).increment();
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not record the outcome of delivery %s; it will be sent again", attempt.deliveryId());
        } finally {
            inFlight.remove(attempt.deliveryId());
        }
    }

    /** ±20 %, so that receivers coming back are not hit by every retry at once. */
    static Duration jittered(Duration delay) {
        double factor = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.round(delay.toMillis() * factor));
    }

    private static String truncate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
