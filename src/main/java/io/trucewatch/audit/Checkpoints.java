package io.trucewatch.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import io.trucewatch.background.BackgroundWork;
import io.trucewatch.web.Page;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Signs checkpoints of the audit chain: every {@code trucewatch.audit.checkpoint-interval} entries
 * (after the entry's transaction commits, on a worker of its own, so no append waits for it), every
 * {@code trucewatch.audit.checkpoint-every} when entries were appended since the last one, and on
 * demand. A checkpoint is only signed for a chain that still extends the previous checkpoint, so a
 * shortened or rewritten chain is never signed over.
 *
 * <p>Why a timer as well as a count: entries after the last checkpoint can be cut from the chain's
 * end unseen. Counted alone, a quiet service (a few reports a day) would leave that tail open for
 * weeks; the timer bounds it in time too.
 */
@ApplicationScoped
public class Checkpoints {

    private static final Logger LOG = Logger.getLogger(Checkpoints.class);
    private static final String TIMER_JOB = "audit-checkpoint-timer";

    /** Sign at every entry whose seq is a multiple of this; 0 signs on demand only. */
    @ConfigProperty(name = "trucewatch.audit.checkpoint-interval", defaultValue = "1000")
    long interval;

    /** Sign the head this often when entries were appended since the last checkpoint; 0 turns the timer off. */
    @ConfigProperty(name = "trucewatch.audit.checkpoint-every", defaultValue = "10m")
    Duration every;

    @Inject
    Scheduler scheduler;

    @Inject
    CheckpointKey key;

    @Inject
    CheckpointLog log;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** One worker: checkpoints are signed one after the other, never on an append's thread. */
    private ManagedExecutor signer;

    /** A request to sign: the checkpoint that covers it, whether it is new, or why none was signed. */
    public record Outcome(SignedCheckpoint checkpoint, boolean created, String refusal) {

        static Outcome created(SignedCheckpoint checkpoint) {
            return new Outcome(checkpoint, true, null);
        }

        static Outcome existing(SignedCheckpoint checkpoint) {
            return new Outcome(checkpoint, false, null);
        }

        static Outcome refused(String why) {
            return new Outcome(null, false, why);
        }
    }

    /**
     * Made with the bean, not at start: entries are appended (the ruleset's activation) by startup
     * observers that run before this bean's own.
     */
    @PostConstruct
    void createSigner() {
        signer = BackgroundWork.dedicatedWorkers(1);
    }

    /** A missing or broken key stops the start, not the thousandth entry. */
    void start(@Observes StartupEvent start) {
        LOG.debugf("audit checkpoints: key %s (id %s), log %s, every %d entries and every %s", key.path(), key.keyId(),
                log.path(), interval, every);
        if (!every.isZero() && !every.isNegative()) {
            BackgroundWork.every(scheduler, TIMER_JOB, every, this::signHeadIfNew);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (scheduler.getScheduledJob(TIMER_JOB) != null) {
            scheduler.unscheduleJob(TIMER_JOB);
        }
        signer.shutdown();
        signer.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Called by every append, inside its transaction: schedules a checkpoint for after the commit. */
    void appended(long seq, String hash) {
        if (interval <= 0 || seq % interval != 0) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                // Rolled back: the seq is given to a later entry, whose own append schedules it again.
                if (status == Status.STATUS_COMMITTED) {
                    try {
                        signer.execute(() -> signQuietly(seq, hash));
                    } catch (RejectedExecutionException e) {
                        LOG.debugf("shutting down: no checkpoint at entry %d", seq);
                    }
                }
            }
        });
    }

    /** Signs the entry the head names now (on demand); refuses if the chain is shorter than a checkpoint. */
    public synchronized Outcome signHead() {
        ChainWalk.Head head = ChainWalk.head();
        if (head.seq() == 0) {
            return Outcome.refused("the audit trail has no entries yet");
        }
        Optional<SignedCheckpoint> latest = latest();
        if (latest.isPresent() && head.seq() < latest.get().seq()) {
            return Outcome.refused("the chain is shorter than checkpoint at entry " + latest.get().seq()
                    + " signed at " + latest.get().signedAt() + ": its head names entry " + head.seq());
        }
        return sign(head.seq(), head.hash());
    }

    /** Signs entry {@code seq} with hash {@code hash}, if the chain from the last checkpoint to it holds. */
    synchronized Outcome sign(long seq, String hash) {
        Optional<SignedCheckpoint> latest = latest();
        long fromSeq = 0;
        String fromHash = AuditChain.GENESIS;
        String from = "its first entry";
        if (latest.isPresent()) {
            SignedCheckpoint last = latest.get();
            if (seq < last.seq()) {
                return Outcome.existing(last); // a later checkpoint (signed on demand) covers it
            }
            if (seq == last.seq()) {
                return last.headHash().equals(hash) ? Outcome.existing(last)
                        : Outcome.refused("entry " + seq + " has hash " + hash + ", not the hash " + last.headHash()
                                + " checkpoint at entry " + seq + " signed at " + last.signedAt());
            }
            fromSeq = last.seq();
            fromHash = last.headHash();
            from = "checkpoint at entry " + last.seq() + " signed at " + last.signedAt();
        }
        ChainWalk.Stretch stretch = ChainWalk.check(fromSeq, fromHash, seq);
        if (!stretch.holds()) {
            return Outcome.refused("the chain does not hold from " + from + " to entry " + seq + ": at entry "
                    + stretch.brokenSeq() + ", " + stretch.problem());
        }
        if (!stretch.lastGoodHash().equals(hash)) {
            return Outcome.refused("entry " + seq + " has hash " + stretch.lastGoodHash() + ", not " + hash);
        }
        SignedCheckpoint checkpoint = key.sign(seq, hash, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        // The row first: a crash before the log line leaves a genuine row the log lacks, which
        // verify accepts; the other way round it would report a deleted row that never was.
        QuarkusTransaction.requiringNew().run(() -> AuditCheckpoint.of(checkpoint).persist());
        log.append(checkpoint);
        LOG.debugf("signed audit checkpoint at entry %d", seq);
        return Outcome.created(checkpoint);
    }

    /** The newest checkpoint, from the database or the log, that this service's key signed. */
    Optional<SignedCheckpoint> latest() {
        List<SignedCheckpoint> candidates = new ArrayList<>(log.readAll());
        candidates.addAll(QuarkusTransaction.requiringNew().call(() -> AuditCheckpoint
                .<AuditCheckpoint>findAll(Sort.descending("seq")).page(0, 1).list().stream()
                .map(AuditCheckpoint::signed).toList()));
        return candidates.stream().sorted(Comparator.comparingLong(SignedCheckpoint::seq).reversed())
                .filter(key::verifies).findFirst();
    }

    /** The newest checkpoint the database lists (what the API publishes as latest). */
    Optional<SignedCheckpoint> latestStored() {
        return QuarkusTransaction.requiringNew().call(() -> AuditCheckpoint
                .<AuditCheckpoint>findAll(Sort.descending("seq")).firstResultOptional().map(AuditCheckpoint::signed));
    }

    Page<SignedCheckpoint> stored(int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = AuditCheckpoint.<AuditCheckpoint>findAll(Sort.ascending("seq"));
            return new Page<>(query.page(page, size).list().stream().map(AuditCheckpoint::signed).toList(), page, size,
                    query.count());
        });
    }

    /** Every checkpoint against the chain whose head names {@code headSeq} (see {@link CheckpointCheck}). */
    CheckpointCheck.Result check(long headSeq) {
        List<SignedCheckpoint> rows = QuarkusTransaction.requiringNew().call(() -> AuditCheckpoint
                .<AuditCheckpoint>findAll(Sort.ascending("seq")).list().stream().map(AuditCheckpoint::signed).toList());
        return CheckpointCheck.check(key, rows, log.readAll(), log.path(), headSeq);
    }

    /**
     * The timer's round: signs the head if entries were appended since the newest checkpoint
     * ({@link #signHead} answers the existing one otherwise, signing nothing). On several instances
     * each runs its own timer; when two sign the same head at once, the second's row is refused by
     * the first's (one row per entry), and the first's checkpoint stands.
     */
    void signHeadIfNew() {
        try {
            if (ChainWalk.head().seq() == 0) {
                return; // nothing to sign yet: not a refusal worth logging
            }
            Outcome outcome = signHead();
            if (outcome.refusal() != null) {
                LOG.errorf("audit checkpoint of the head not signed: %s", outcome.refusal());
            }
        } catch (RuntimeException e) {
            if (latestStored().map(SignedCheckpoint::seq).orElse(0L) >= ChainWalk.head().seq()) {
                LOG.debugf("another instance signed the head first: %s", e.getMessage());
            } else {
                LOG.errorf(e, "audit checkpoint of the head not signed");
            }
        }
    }

    private void signQuietly(long seq, String hash) {
        try {
            Outcome outcome = sign(seq, hash);
            if (outcome.refusal() != null) {
                LOG.errorf("audit checkpoint at entry %d not signed: %s", seq, outcome.refusal());
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "audit checkpoint at entry %d not signed", seq);
        }
    }
}
