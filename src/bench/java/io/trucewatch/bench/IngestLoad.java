package io.trucewatch.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Ingest load against the running service, and the persistence limit beside it.
 * <pre>
 *   saturate URL SECONDS CONNECTIONS   distinct reports as fast as CONNECTIONS in flight allow
 *   rate URL SECONDS PER_SECOND        an open-loop schedule (latency is measured from the scheduled
 *                                      send time, so a stalled server cannot hide its queueing)
 *   jdbc H2_FILE|URL REPORTS BATCH     the persistence limit: the rows the service wrote for its newest
 *                                      report, inserted again under fresh keys, a commit every BATCH
 *                                      reports (service stopped: H2 locks its file)
 * </pre>
 * Run through Maven: {@code mvn -Pbench -DskipTests test-compile exec:exec
 * -Dbench.main=io.trucewatch.bench.IngestLoad -Dbench.args="rate http://127.0.0.1:8099 30 1000"}.
 */
public final class IngestLoad {

    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("mona:mona-dev-password".getBytes(StandardCharsets.UTF_8));
    private static final String[] ACTORS = {"Military Forces of Syria (2000-)", "Military Forces of Russia (2000-)",
            "Free Syrian Army", "Jabhat al-Nusra", "Islamic State (Syria)", "Jaish al-Islam", "Ahrar al-Sham"};
    private static final String[] PLACES = {"Al-Haidariyah", "Al-Rai", "Manbij", "Azaz", "Palmyra", "Douma", "Idleb"};

    private IngestLoad() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "saturate" -> saturate(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "rate" -> rate(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "jdbc" -> jdbc(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("saturate | rate | jdbc");
        }
        System.exit(0);
    }

    /**
     * How event dates are drawn: at random over March–May 2016 (the default: every report may fall
     * in any day, the worst case for anything kept per day), or, with the environment's
     * BENCH_DATES=in-order, as the news of the day arrives: REPORTS_PER_DAY reports a day, one day
     * after another, the days going round March–May.
     */
    private static final boolean IN_ORDER = "in-order".equals(System.getenv("BENCH_DATES"));
    private static final int REPORTS_PER_DAY = 300;
    private static final AtomicLong DRAWN = new AtomicLong();

    /** A distinct, realistic report (Syria, Feb–May 2016). */
    static String report(Random random, String id) {
        LocalDate day = LocalDate.of(2016, 3 + random.nextInt(3), 1 + random.nextInt(28));
        if (IN_ORDER) {
            day = LocalDate.of(2016, 3, 1).plusDays(DRAWN.getAndIncrement() / REPORTS_PER_DAY % 84);
        }
        String actor1 = ACTORS[random.nextInt(ACTORS.length)];
        String actor2 = random.nextBoolean() ? "Civilians (Syria)" : ACTORS[random.nextInt(ACTORS.length)];
        return String.format(Locale.ROOT, """
                {"external_id":"%s","event_date":"%s","event_type":"Explosions/Remote violence",
                 "sub_event_type":"Air/drone strike","actor1":"%s","actor2":"%s","weapon":"%s","country":"Syria",
                 "admin1":"Aleppo","location":"%s","latitude":%.4f,"longitude":%.4f,"fatalities":%d,
                 "notes":"Load test report: strike reported by two local sources; casualties unconfirmed."}""",
                id, day, actor1, actor2,
                random.nextBoolean() ? "barrel bomb" : "air strike", PLACES[random.nextInt(PLACES.length)],
                36.0 + random.nextDouble() * 0.5, 37.0 + random.nextDouble() * 0.5, random.nextInt(10));
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
    }

    static HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url + "/api/incidents")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", AUTH)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static void saturate(String url, int seconds, int connections) throws Exception {
        HttpClient http = client();
        Random random = new Random(1);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Semaphore slots = new Semaphore(connections);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int n = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            slots.acquire();
            long sent = System.nanoTime();
            http.sendAsync(post(url, report(random, "sat-" + run + "-" + n++)), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        if (e != null || r.statusCode() != 201) {
                            errors.incrementAndGet();
                        } else {
                            latencies.add(System.nanoTime() - sent);
                        }
                        slots.release();
                    });
        }
        slots.acquire(connections);
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "saturation, %d connections, %d s: %d accepted (%.0f reports/s), %d errors; %s%n",
                connections, seconds, latencies.size(), latencies.size() / elapsed, errors.get(), percentiles(latencies));
    }

    static void rate(String url, int seconds, int perSecond) throws Exception {
        HttpClient http = client();
        Random random = new Random(2);
        String run = UUID.randomUUID().toString().substring(0, 8);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        int total = seconds * perSecond;
        for (int n = 0; n < total; n++) {
            long scheduled = start + n * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            pending.add(http.sendAsync(post(url, report(random, "rate-" + run + "-" + n)), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        if (e != null || r.statusCode() != 201) {
                            errors.incrementAndGet();
                        } else {
                            latencies.add(System.nanoTime() - scheduled);
                        }
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "fixed rate %d/s for %d s: %d accepted in %.1f s, %d errors; %s%n", perSecond, seconds,
                latencies.size(), elapsed, errors.get(), percentiles(new ArrayList<>(latencies)));
    }

    /** The tables a new report writes rows to, with the column that ties a row to its report. */
    private static final String[][] REPORT_ROWS = {{"incident", "id"}, {"incident_version", "incident_id"},
            {"incident_actor", "incident_id"}, {"incident_truce_verdict", "incident_id"},
            {"audit_entry", "incident_id"}, {"outbox_event", "incident_id"}};

    /**
     * The persistence limit: the rows the service wrote for the newest report in its database file
     * (incident, version, actors, per-truce verdicts, two audit entries, the outbox event), inserted
     * again REPORTS times under fresh keys with JDBC batches, a commit every BATCH reports. No
     * parsing, judging, JSON, hashing or ORM: only what H2 must do to keep the same rows durably.
     */
    private record TableCopy(String name, List<String> columns, List<Object[]> rows, PreparedStatement insert) {
    }

    static void jdbc(String file, int reports, int batch) throws Exception {
        // An H2 file, or any JDBC URL (PostgreSQL: jdbc:postgresql://host/db).
        String url = file.startsWith("jdbc:") ? file : "jdbc:h2:file:" + file + ";WRITE_DELAY=0";
        try (Connection db = DriverManager.getConnection(url, "trucewatch", "trucewatch")) {
            db.setAutoCommit(false);
            String template;
            try (ResultSet newest = db.createStatement().executeQuery(
                    "SELECT id FROM incident ORDER BY received_at DESC, id LIMIT 1")) {
                if (!newest.next()) {
                    throw new IllegalStateException("no report in " + file + ": let the service store one first");
                }
                template = newest.getString(1);
            }
            long[] seqs = new long[2];
            try (ResultSet max = db.createStatement().executeQuery(
                    "SELECT (SELECT MAX(seq) FROM audit_entry), (SELECT MAX(seq) FROM outbox_event)")) {
                max.next();
                seqs[0] = max.getLong(1);
                seqs[1] = max.getLong(2);
            }
            List<TableCopy> tables = new ArrayList<>();
            for (String[] table : REPORT_ROWS) {
                try (PreparedStatement select = db.prepareStatement("SELECT * FROM " + table[0] + " WHERE " + table[1] + " = ?")) {
                    select.setString(1, template);
                    ResultSet rows = select.executeQuery();
                    ResultSetMetaData meta = rows.getMetaData();
                    List<String> columns = new ArrayList<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        columns.add(meta.getColumnName(c).toLowerCase(Locale.ROOT));
                    }
                    List<Object[]> values = new ArrayList<>();
                    while (rows.next()) {
                        Object[] row = new Object[columns.size()];
                        for (int c = 0; c < row.length; c++) {
                            row[c] = rows.getObject(c + 1);
                        }
                        values.add(row);
                    }
                    String insert = "INSERT INTO " + table[0] + " (" + String.join(", ", columns) + ") VALUES ("
                            + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
                    tables.add(new TableCopy(table[0], columns, values, db.prepareStatement(insert)));
                }
            }
            long start = System.nanoTime();
            int rowsWritten = 0;
            for (int n = 0; n < reports; n++) {
                String id = UUID.randomUUID().toString();
                for (TableCopy table : tables) {
                    for (Object[] row : table.rows()) {
                        for (int c = 0; c < row.length; c++) {
                            Object value = switch (table.columns().get(c)) {
                                case "id", "incident_id" -> id;
                                case "external_id" -> row[c] == null ? null : "raw-" + id;
                                case "event_id" -> "raw_" + id;
                                case "seq" -> ++seqs[table.name().equals("audit_entry") ? 0 : 1];
                                default -> row[c];
                            };
                            table.insert().setObject(c + 1, value);
                        }
                        table.insert().addBatch();
                        rowsWritten++;
                    }
                }
                if ((n + 1) % batch == 0 || n == reports - 1) {
                    for (TableCopy table : tables) {
                        table.insert().executeBatch();
                    }
                    db.commit();
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "raw JDBC: %d reports (%d rows) in batches of %d reports committed in %.2f s: "
                    + "%.0f reports/s%n", reports, rowsWritten, batch, elapsed, reports / elapsed);
        }
    }

    static String percentiles(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "no latencies";
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms",
                at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * q))) / 1e6;
    }
}
