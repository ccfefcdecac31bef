package io.trucewatch.storage;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import io.trucewatch.background.BackgroundWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.jboss.logging.Logger;

/**
 * Keeps the embedded H2 file proportional to its data. H2 writes every durable commit as a new
 * chunk and frees a chunk only once nothing in it is live; the pages that stay live (the full
 * leaves of append-only tables) pin almost every chunk, so without help the file grows by the
 * whole chunk for every commit. H2's own background writer rewrites such sparse chunks, but it
 * runs only with a write delay, and the service needs {@code WRITE_DELAY=0} (a report is
 * acknowledged only once its commit is in the file). This does that housekeeping instead: every
 * interval, when the chunks' fill rate is below the target, it rewrites the live pages of the
 * sparsest chunks (at most {@code write} bytes a round) so that those chunks die and their space is
 * reused once H2's retention time has passed. Nothing here changes a row; on PostgreSQL it is off.
 */
@ApplicationScoped
public class H2Housekeeping {

    private static final Logger LOG = Logger.getLogger(H2Housekeeping.class);
    private static final String JOB = "h2-housekeeping";

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @ConfigProperty(name = "trucewatch.h2.housekeeping.interval", defaultValue = "1s")
    Duration interval;

    /**
     * How long a chunk that holds nothing live is kept before its space is reused. H2's default
     * (45 s) assumes the operating system flushes its buffers within that time; each round here
     * syncs the file first, so a few intervals are enough, and the space held back under a burst
     * is seconds of writes rather than most of a minute.
     */
    @ConfigProperty(name = "trucewatch.h2.housekeeping.retention", defaultValue = "5s")
    Duration retention;

    /** Below this share of live bytes in the chunks, sparse chunks are rewritten. */
    @ConfigProperty(name = "trucewatch.h2.housekeeping.target-fill-rate", defaultValue = "80")
    int targetFillRate;

    /** Bytes rewritten at most per round, so that housekeeping never holds the store for long. */
    @ConfigProperty(name = "trucewatch.h2.housekeeping.write-per-round", defaultValue = "16777216")
    int writePerRound;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Scheduler scheduler;

    private volatile boolean stopped;

    void start(@Observes StartupEvent startup) {
        if (!"h2".equals(dbKind) || targetFillRate <= 0) {
            return;
        }
        BackgroundWork.every(scheduler, JOB, interval, () -> {
            if (!stopped) {
                round();
            }
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopped = true;
        if (scheduler.getScheduledJob(JOB) != null) {
            scheduler.unscheduleJob(JOB);
        }
    }

    /** One round on the service's H2 database (scheduled only for H2); false when nothing was rewritten. */
    boolean round() {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession())
                    .getDatabase().getStore().getMvStore();
            // An in-memory database (a jdbc:h2:mem: URL) has no file to keep.
            return !store.isClosed() && store.getFileStore() != null
                    && tidy(store, targetFillRate, writePerRound, retention);
        } catch (Exception e) {
            // Housekeeping is an optimisation: a failed round leaves the data as it was.
            LOG.warnf("H2 housekeeping round failed: %s", e.toString());
            return false;
        }
    }

    /**
     * What H2's own background writer would do, once: make everything written so far durable (so
     * that the short retention time is safe), rewrite the live pages of the sparsest chunks, and
     * when the file has gaps, move chunks towards its start so that it can shrink. True when pages
     * were rewritten.
     */
    static boolean tidy(MVStore store, int targetFillRate, int writePerRound, Duration retention) {
        FileStore<?> file = store.getFileStore();
        file.setRetentionTime((int) retention.toMillis());
        file.sync();
        boolean rewrote = store.compact(targetFillRate, writePerRound);
        if (rewrote) {
            // The rewritten pages reach the file with the next commit; when idle there is none.
            store.commit();
        }
        if (file instanceof RandomAccessStore gaps && gaps.getFillRate() < targetFillRate) {
            gaps.compactMoveChunks(targetFillRate, writePerRound, store);
        }
        LOG.debugf("H2 housekeeping: chunks %d %% live, file %d %% used, %d bytes", file.getChunksFillRate(),
                file.getFillRate(), file.size());
        return rewrote;
    }
}
