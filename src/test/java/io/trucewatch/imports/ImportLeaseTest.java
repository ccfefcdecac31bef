package io.trucewatch.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.trucewatch.audit.CanonicalJson;
import io.trucewatch.cluster.InstanceName;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Several instances on one database: an import job is worked by the instance holding its lease.
 * A job another instance holds a live lease on is left alone; one whose lease ran out (that
 * instance died) is taken over from its last checkpoint and finished, its rows stored once.
 */
@QuarkusTest
class ImportLeaseTest {

    @Inject
    ImportWorker worker;

    @Inject
    InstanceName instance;

    @Test
    void a_live_lease_elsewhere_is_respected_and_a_lapsed_one_is_taken_over() throws Exception {
        String prefix = "LEASE" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String id = jobHeldElsewhere(ImportTest.acledFile(prefix), Instant.now().plus(Duration.ofHours(1)));

        worker.takeOverUnclaimed();
        Thread.sleep(1_000);
        ImportJob untouched = job(id);
        assertEquals("RUNNING", untouched.status, "another instance's live lease is left alone");
        assertEquals("instance-that-died", untouched.claimedBy);
        assertEquals(0, untouched.rowsDone);

        QuarkusTransaction.requiringNew().run(() -> ImportJob.<ImportJob>findById(id).leaseUntil =
                Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MICROS));
        worker.takeOverUnclaimed();
        ImportJob done = waitUntilDone(id);
        assertEquals(instance.get(), done.claimedBy, "taken over by this instance");
        assertNotEquals("instance-that-died", done.claimedBy);
        assertEquals(4, done.rowsDone);
        assertEquals(2, done.accepted);
        assertEquals(2, done.rejected);
        long stored = QuarkusTransaction.requiringNew().call(() ->
                io.trucewatch.incidents.Incident.count("externalId like ?1", prefix + "%"));
        assertEquals(2, stored, "each accepted row stored once");
    }

    /** A job as the instance that accepted it left it: claimed, leased until {@code leaseUntil}, no row done. */
    private static String jobHeldElsewhere(String csv, Instant leaseUntil) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportJob job = new ImportJob();
            job.id = UUID.randomUUID().toString();
            job.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            job.createdBy = "mona";
            job.fileSha256 = CanonicalJson.sha256Hex(csv);
            job.content = csv;
            job.status = ImportJob.Status.RUNNING.name();
            job.totalRows = 4;
            job.claimedBy = "instance-that-died";
            job.leaseUntil = leaseUntil.truncatedTo(ChronoUnit.MICROS);
            job.persist();
            return job.id;
        });
    }

    private static ImportJob job(String id) {
        return QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>findById(id));
    }

    private static ImportJob waitUntilDone(String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            ImportJob job = job(id);
            if ("DONE".equals(job.status)) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " was not taken over and finished");
    }
}
