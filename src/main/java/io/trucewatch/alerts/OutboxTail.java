package io.trucewatch.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiFunction;

/**
 * The newest events of the ledger, in memory, for every stream client at once: one reader follows
 * the outbox ({@code seq > last}, in commit order, see audit.Ledger) and keeps the newest
 * {@code capacity} events; a client reads what follows its cursor from here, and only a client
 * resuming from further back than that (an old Last-Event-ID) reads the database, once, to catch
 * up. So a thousand open streams cost one query per interval, not a thousand.
 */
public final class OutboxTail {

    private final ConcurrentSkipListMap<Long, OutboxEvent> recent = new ConcurrentSkipListMap<>();
    private final int capacity;
    /** Events after a seq, at most n, from the database: the catch-up path and the follower's. */
    private final BiFunction<Long, Integer, List<OutboxEvent>> database;
    private volatile long followed;

    OutboxTail(int capacity, long startAfter, BiFunction<Long, Integer, List<OutboxEvent>> database) {
        this.capacity = capacity;
        this.database = database;
        this.followed = startAfter;
    }

    /** Reads what was committed since the last call into memory; called by one thread. */
    void follow(int batch) {
        List<OutboxEvent> fresh;
        do {
            fresh = database.apply(followed, batch);
            for (OutboxEvent event : fresh) {
                recent.put(event.seq, event);
                followed = event.seq;
            }
            while (recent.size() > capacity) {
                recent.pollFirstEntry();
            }
        } while (fresh.size() == batch);
    }

    /** The newest seq read so far. */
    long followed() {
        return followed;
    }

    /**
     * Up to {@code max} events after {@code cursor}, in order: from memory when it holds everything
     * after the cursor, otherwise (a cursor older than the oldest kept event) from the database.
     */
    List<OutboxEvent> after(long cursor, int max) {
        long upTo = followed;
        if (cursor >= upTo) {
            return List.of();
        }
        Map.Entry<Long, OutboxEvent> oldest = recent.firstEntry();
        // The ring holds every event from its oldest on; events before it are only in the database.
        boolean inMemory = oldest != null && cursor >= oldest.getKey() - 1;
        if (!inMemory) {
            return database.apply(cursor, max);
        }
        List<OutboxEvent> events = new ArrayList<>();
        for (OutboxEvent event : recent.tailMap(cursor, false).headMap(upTo, true).values()) {
            if (events.size() == max) {
                break;
            }
            events.add(event);
        }
        return events;
    }
}
