package io.trucewatch.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The housekeeping round on a real H2 file written the way the service writes it (a durable
 * commit at a time, WRITE_DELAY=0, an append-only table beside one keyed at random): the same
 * writes leave a file well under half the size with the rounds as without them, and the rows are
 * the same.
 */
class H2HousekeepingTest {

    private static final int COMMITS = 3000;

    @TempDir
    Path work;

    @Test
    void roundsKeepTheFileProportionalAndTheRowsIntact() throws Exception {
        Written without = write(work.resolve("without"), false);
        Written with = write(work.resolve("with"), true);

        System.out.printf("H2HousekeepingTest: %d commits leave %d bytes without rounds, %d with%n", COMMITS,
                without.fileBytes, with.fileBytes);
        assertEquals(without.rows, with.rows, "the same rows either way");
        assertEquals(without.checksum, with.checksum, "the same content either way");
        assertTrue(with.fileBytes * 2 < without.fileBytes,
                "with rounds " + with.fileBytes + " bytes, without " + without.fileBytes);
    }

    @Test
    void aRoundWithNothingSparseRewritesNothing() throws Exception {
        try (Connection db = open(work.resolve("empty"))) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            }
            assertTrue(!H2Housekeeping.tidy(store(db), 80, 16 << 20, Duration.ZERO));
        }
    }

    private record Written(long rows, long checksum, long fileBytes) {
    }

    private static Written write(Path directory, boolean rounds) throws Exception {
        Random random = new Random(42);
        Path file = directory.resolve("db");
        try (Connection db = open(file)) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute("CREATE TABLE entry (seq BIGINT PRIMARY KEY, data CHARACTER VARYING(100000))");
                ddl.execute("CREATE TABLE latest (id VARCHAR(36) PRIMARY KEY, data CHARACTER VARYING(100000))");
            }
            try (PreparedStatement entry = db.prepareStatement("INSERT INTO entry VALUES (?, ?)");
                    PreparedStatement latest = db.prepareStatement("INSERT INTO latest VALUES (?, ?)")) {
                for (int i = 1; i <= COMMITS; i++) {
                    entry.setLong(1, i);
                    entry.setString(2, text(random));
                    entry.executeUpdate();
                    latest.setString(1, new UUID(random.nextLong(), random.nextLong()).toString());
                    latest.setString(2, text(random));
                    latest.executeUpdate();
                    if (rounds && i % 100 == 0) {
                        H2Housekeeping.tidy(store(db), 80, 16 << 20, Duration.ZERO);
                    }
                }
            }
            long rows;
            long checksum;
            try (Statement query = db.createStatement();
                    ResultSet sums = query.executeQuery("SELECT (SELECT COUNT(*) FROM entry) + (SELECT COUNT(*) FROM latest),"
                            + " (SELECT SUM(ORA_HASH(data)) FROM entry) + (SELECT SUM(ORA_HASH(data)) FROM latest)")) {
                sums.next();
                rows = sums.getLong(1);
                checksum = sums.getLong(2);
            }
            return new Written(rows, checksum, Files.size(directory.resolve("db.mv.db")));
        }
    }

    private static Connection open(Path file) throws Exception {
        Connection db = DriverManager.getConnection("jdbc:h2:file:" + file + ";WRITE_DELAY=0", "sa", "");
        db.setAutoCommit(true);
        return db;
    }

    private static MVStore store(Connection db) throws Exception {
        return ((SessionLocal) db.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
    }

    /** About a report's worth of text that does not compress away. */
    private static String text(Random random) {
        StringBuilder text = new StringBuilder(1500);
        while (text.length() < 1500) {
            text.append(Long.toString(random.nextLong(), 36));
        }
        return text.toString();
    }
}
