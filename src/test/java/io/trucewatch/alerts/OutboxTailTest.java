package io.trucewatch.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The ledger's tail in memory: clients read it, not the database, unless they resume from further back. */
class OutboxTailTest {

    private final List<OutboxEvent> committed = new ArrayList<>();
    private final AtomicInteger queries = new AtomicInteger();

    private List<OutboxEvent> database(long after, int max) {
        queries.incrementAndGet();
        return committed.stream().filter(e -> e.seq > after).limit(max).toList();
    }

    private void commit(long... seqs) {
        for (long seq : seqs) {
            OutboxEvent event = new OutboxEvent();
            event.seq = seq;
            event.type = Outbox.VERDICT_CREATED;
            committed.add(event);
        }
    }

    private static List<Long> seqs(List<OutboxEvent> events) {
        return events.stream().map(e -> e.seq).toList();
    }

    @Test
    void many_clients_read_the_tail_from_memory_and_only_the_follower_queries() {
        OutboxTail tail = new OutboxTail(100, 0, this::database);
        commit(1, 2, 3, 5, 6); // 4 was rolled back: a gap that never fills
        tail.follow(2);
        int byFollower = queries.get();
        for (int client = 0; client < 1_000; client++) {
            assertEquals(List.of(3L, 5L, 6L), seqs(tail.after(2, 10)));
        }
        assertEquals(byFollower, queries.get(), "clients reading the tail cost no query");
        assertEquals(List.of(5L), seqs(tail.after(3, 1)), "at most the batch asked for");
        assertEquals(List.of(), tail.after(6, 10), "nothing after the newest");
    }

    @Test
    void a_client_resuming_from_before_the_kept_events_catches_up_from_the_database() {
        OutboxTail tail = new OutboxTail(3, 0, this::database);
        commit(1, 2, 3, 4, 5, 6);
        tail.follow(10);
        int before = queries.get();
        assertEquals(List.of(4L, 5L, 6L), seqs(tail.after(3, 10)), "still in memory");
        assertEquals(before, queries.get());
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L), seqs(tail.after(1, 10)), "older: from the database");
        assertEquals(before + 1, queries.get());
    }

    @Test
    void events_committed_later_are_read_by_the_next_follow_in_order() {
        OutboxTail tail = new OutboxTail(100, 0, this::database);
        commit(1, 2);
        tail.follow(10);
        assertEquals(List.of(2L), seqs(tail.after(1, 10)));
        commit(3, 4);
        assertEquals(List.of(), tail.after(2, 10), "not yet followed");
        tail.follow(10);
        assertEquals(List.of(3L, 4L), seqs(tail.after(2, 10)));
        assertEquals(4, tail.followed());
    }
}
