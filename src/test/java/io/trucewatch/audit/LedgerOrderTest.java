package io.trucewatch.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.trucewatch.access.As;
import io.trucewatch.alerts.Outbox;
import io.trucewatch.incidents.Json;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * "A reader that has seen event n has seen every event before n", tried rather than assumed: every
 * kind of writer at once (new reports, corrections, reviews, subscription changes that write
 * audit entries only), while readers follow the outbox the way the dispatcher and the stream do
 * (seq > the last seen). Afterwards each reader must have seen every event up to the last it saw:
 * an event committed with a smaller number after a larger one had been read would be missing.
 * And an event cannot be written without the head lock of its own transaction.
 */
@QuarkusTest
class LedgerOrderTest {

    private static final String DAY = "2016-05-30";

    @Inject
    DataSource dataSource;

    @Inject
    Outbox outbox;

    @Test
    void readers_following_the_outbox_never_miss_an_event_whatever_writes_at_once() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> flagged = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            flagged.add(submit(run + "-seed-" + i));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<?>> writers = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        for (int t = 0; t < 3; t++) {
            int thread = t;
            writers.add(pool.submit(() -> {
                started.await();
                for (int i = 0; i < 12; i++) {
                    submit(run + "-new-" + thread + "-" + i);
                }
                return null;
            }));
        }
        writers.add(pool.submit(() -> {
            started.await();
            for (int i = 0; i < 12; i++) {
                String id = flagged.get(i % flagged.size());
                As.monitor().contentType(ContentType.JSON).body(report(run + "-seed-" + (i % flagged.size()), "Kafr Zita " + i))
                        .post("/api/incidents/" + id + "/versions").then().statusCode(201);
            }
            return null;
        }));
        writers.add(pool.submit(() -> {
            started.await();
            for (int i = 0; i < 12; i++) {
                As.auditor().contentType(ContentType.JSON)
                        .body(Map.of("decision", "ESCALATED", "reason", "ledger order test " + i))
                        .post("/api/incidents/" + flagged.get(i % flagged.size()) + "/reviews").then().statusCode(201);
            }
            return null;
        }));
        writers.add(pool.submit(() -> {
            started.await();
            for (int i = 0; i < 6; i++) {
                String id = As.admin().contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:9/ledger-" + i,
                        "filter", Map.of("admin1", List.of("Nowhere-" + run))))
                        .post("/api/subscriptions").then().statusCode(201).extract().path("id");
                As.admin().delete("/api/subscriptions/" + id).then().statusCode(204);
            }
            return null;
        }));
        long before = maxSeq();
        List<Reader> readers = List.of(new Reader(before), new Reader(before));
        List<Future<?>> reading = new ArrayList<>();
        for (Reader reader : readers) {
            reading.add(pool.submit(() -> reader.follow(writing)));
        }
        started.countDown();
        for (Future<?> writer : writers) {
            writer.get(120, TimeUnit.SECONDS);
        }
        writing.set(false);
        for (Future<?> read : reading) {
            read.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        for (Reader reader : readers) {
            Set<Long> all = seqsBetween(before, reader.last);
            assertTrue(all.size() >= 36 + 12 + 12, "the writers' events were read: " + all.size());
            Set<Long> missed = new TreeSet<>(all);
            missed.removeAll(reader.seen);
            assertEquals(Set.of(), missed, "events a reader following seq > last never saw");
        }
        As.auditor().get("/api/audit/verify").then().statusCode(200).body("intact", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void an_event_cannot_be_written_without_the_head_lock_of_its_own_transaction() {
        Outbox.Prepared event = outbox.prepare(Outbox.VERDICT_CHANGED, null, Map.of("test", true));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> outbox.append(new HeadLock("another transaction"), event)));
        assertTrue(refused.getMessage().contains("Ledger"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> outbox.append(new HeadLock(null), event)));
    }

    /** Follows the outbox as the dispatcher and the stream do: seq > the last seen, in order. */
    private final class Reader {
        final Set<Long> seen = new TreeSet<>();
        final ConcurrentLinkedQueue<Long> order = new ConcurrentLinkedQueue<>();
        volatile long last;

        Reader(long from) {
            last = from;
        }

        void follow(AtomicBoolean writing) {
            try {
                boolean more = true;
                while (writing.get() || more) {
                    List<Long> fresh = seqsAfter(last);
                    more = !fresh.isEmpty();
                    for (long seq : fresh) {
                        seen.add(seq);
                        order.add(seq);
                        last = seq;
                    }
                    Thread.sleep(5);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private List<Long> seqsAfter(long last) throws Exception {
        List<Long> seqs = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT seq FROM outbox_event WHERE seq > ? ORDER BY seq")) {
            s.setLong(1, last);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                }
            }
        }
        return seqs;
    }

    private Set<Long> seqsBetween(long after, long upTo) throws Exception {
        Set<Long> seqs = new TreeSet<>();
        for (long seq : seqsAfter(after)) {
            if (seq <= upTo) {
                seqs.add(seq);
            }
        }
        return seqs;
    }

    private long maxSeq() throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM outbox_event");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, Object> report(String externalId, String location) {
        return Json.of("external_id", externalId, "event_date", DAY, "event_type", "Explosions/Remote violence",
                "sub_event_type", "Air/drone strike", "actor1", "SAA", "actor2", "Civilians (Syria)", "weapon", "barrel bomb",
                "country", "Syria", "admin1", "Hama", "location", location);
    }

    private static String submit(String externalId) {
        return As.monitor().contentType(ContentType.JSON).body(report(externalId, "Kafr Zita"))
                .post("/api/incidents").then().statusCode(201).extract().path("id");
    }
}
