package io.trucewatch.audit;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.trucewatch.access.As;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Signed checkpoints: anyone with the published key can check them; cutting the chain short after
 * one, or changing one, is named by verify. Tampering is undone in a finally, and each test ends by
 * seeing the trail intact again.
 */
@QuarkusTest
class AuditCheckpointTest {

    private static final Map<String, Object> REPORT = Map.of("event_date", "2016-04-10",
            "event_type", "Explosions/Remote violence", "sub_event_type", "Air/drone strike",
            "actor1", "SAA", "actor2", "Civilians (Syria)", "admin1", "Aleppo");

    @Inject
    EntityManager em;

    /** A report stored: entries for the chain (CheckpointTimerTest too). */
    static void submit() {
        As.monitor().contentType(ContentType.JSON).body(REPORT).post("/api/incidents").then().statusCode(201);
    }

    /** A checkpoint of the chain as it is now, signed on demand. */
    private static JsonPath signNow() {
        return As.auditor().post("/api/audit/checkpoints").then().statusCode(anyOf(equalTo(200), equalTo(201)))
                .extract().jsonPath();
    }

    private static ValidatableResponse verify() {
        return As.auditor().get("/api/audit/verify").then().statusCode(200);
    }

    private static boolean signatureHolds(String publicKey, long seq, String hash, String signedAt, String signature)
            throws Exception {
        PublicKey key = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(("trucewatch-audit-checkpoint-v1\n" + seq + "\n" + hash + "\n" + signedAt + "\n")
                .getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(signature));
    }

    @Test
    void aCheckpointVerifiesWithThePublishedPublicKeyAndNothingElse() throws Exception {
        submit();
        JsonPath signed = signNow();
        String publicKey = signed.getString("key.public_key");
        long seq = signed.getLong("checkpoint.seq");
        String hash = signed.getString("checkpoint.head_hash");
        String signedAt = signed.getString("checkpoint.signed_at");
        String signature = signed.getString("checkpoint.signature");
        assertEquals("Ed25519", signed.getString("key.algorithm"));

        assertTrue(signatureHolds(publicKey, seq, hash, signedAt, signature));
        assertFalse(signatureHolds(publicKey, seq + 1, hash, signedAt, signature), "another seq");
        assertFalse(signatureHolds(publicKey, seq, "0".repeat(64), signedAt, signature), "another hash");

        // What was signed is the chain's entry, and it is published for auditors (only).
        As.auditor().queryParam("size", 1).queryParam("page", seq - 1).get("/api/audit").then()
                .body("items[0].hash", equalTo(hash));
        As.auditor().queryParam("size", 200).get("/api/audit/checkpoints").then().statusCode(200)
                .body("key.public_key", equalTo(publicKey))
                .body("items.seq", hasItem((int) seq));
        As.auditor().get("/api/audit/checkpoints/latest").then().statusCode(200)
                .body("key.public_key", equalTo(publicKey))
                .body("checkpoint.seq", greaterThanOrEqualTo((int) seq));
        As.monitor().get("/api/audit/checkpoints").then().statusCode(403);
        As.monitor().get("/api/audit/checkpoints/latest").then().statusCode(403);
        As.monitor().post("/api/audit/checkpoints").then().statusCode(403);
        As.admin().post("/api/audit/checkpoints").then().statusCode(anyOf(equalTo(200), equalTo(201)));

        // The key is a file, not in the database: next to the H2 file (target/test-data) unless a
        // path is configured (the PostgreSQL run of the suite configures one).
        Path key = Path.of(ConfigProvider.getConfig()
                .getOptionalValue("trucewatch.audit.checkpoint-key", String.class)
                .orElse("target/test-data/checkpoint-key"));
        String pem = Files.readString(key.resolveSibling(key.getFileName() + ".pub"));
        assertEquals(publicKey, pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        assertTrue(Files.exists(key));

        verify().body("intact", equalTo(true)).body("checkpoints_checked", greaterThanOrEqualTo(1));
    }

    @Test
    void anAuditorHoldingACheckpointLearnsWhetherTheLogOnlyGrew() {
        submit();
        JsonPath signed = signNow();
        long seq = signed.getLong("checkpoint.seq");
        String hash = signed.getString("checkpoint.head_hash");
        submit(); // the log grows

        As.auditor().queryParam("since_checkpoint", seq).queryParam("hash", hash).get("/api/audit/verify").then()
                .statusCode(200).body("intact", equalTo(true)).body("contains_checkpoint", equalTo(true))
                .body("head_seq", greaterThan((int) seq));
        String otherHash = (hash.charAt(0) == 'a' ? "b" : "a") + hash.substring(1);
        As.auditor().queryParam("since_checkpoint", seq).queryParam("hash", otherHash).get("/api/audit/verify").then()
                .statusCode(200).body("intact", equalTo(false)).body("contains_checkpoint", equalTo(false))
                .body("failed_check", equalTo("since_checkpoint")).body("problem", containsString("rewritten"));
        As.auditor().queryParam("since_checkpoint", 1_000_000_000L).queryParam("hash", hash).get("/api/audit/verify")
                .then().statusCode(200).body("contains_checkpoint", equalTo(false))
                .body("problem", containsString("cut short"));
        As.auditor().queryParam("since_checkpoint", "twelve").queryParam("hash", "xyz").get("/api/audit/verify").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("since_checkpoint", "hash"));
    }

    @Test
    void cuttingTheChainShortAfterACheckpointIsNamedEvenWithTheCheckpointRowGone() {
        submit();
        long signedSeq = signNow().getLong("checkpoint.seq");
        // The tamperer's work: drop the last entries the checkpoint covers (and any after them) and
        // move the head back onto the entry before.
        long keep = signedSeq - 2;
        long[] head = new long[1];
        String[] headHash = new String[1];
        List<AuditEntry> removed = new ArrayList<>();
        long kept = QuarkusTransaction.requiringNew().call(() -> {
            AuditHead row = AuditHead.findById(AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
            head[0] = row.lastSeq;
            headHash[0] = row.lastHash;
            AuditEntry.<AuditEntry>list("seq > ?1 order by seq", keep).forEach(e -> removed.add(copy(e)));
            AuditEntry.delete("seq > ?1", keep);
            row.lastSeq = keep;
            row.lastHash = AuditEntry.<AuditEntry>findById(keep).hash;
            return keep;
        });
        List<AuditCheckpoint> removedCheckpoints = new ArrayList<>();
        try {
            verify().body("intact", equalTo(false))
                    .body("failed_check", equalTo("checkpoint"))
                    .body("entries_checked", equalTo((int) kept))
                    .body("first_broken_seq", greaterThan((int) kept))
                    .body("problem", containsString("the chain is shorter than checkpoint at entry"))
                    .body("problem", containsString("signed at"));
            // Nor is a checkpoint signed over the shortened chain.
            As.auditor().post("/api/audit/checkpoints").then().statusCode(409)
                    .contentType("application/problem+json").body("detail", containsString("shorter"));

            // Removing the checkpoint rows as well does not help: the log file beside the key has them.
            QuarkusTransaction.requiringNew().run(() -> {
                AuditCheckpoint.<AuditCheckpoint>list("seq > ?1", kept).forEach(c -> removedCheckpoints.add(copy(c)));
                AuditCheckpoint.delete("seq > ?1", kept);
            });
            verify().body("intact", equalTo(false))
                    .body("failed_check", equalTo("checkpoint"))
                    .body("problem", containsString("not in the database: its row was deleted"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                AuditHead row = AuditHead.findById(AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
                removed.forEach(e -> copy(e).persist());
                removedCheckpoints.forEach(c -> copy(c).persist());
                row.lastSeq = head[0];
                row.lastHash = headHash[0];
            });
        }
        verify().body("intact", equalTo(true));
    }

    @Test
    void aCheckpointRowWithAnotherHashHasABadSignature() {
        submit();
        JsonPath signed = signNow();
        long seq = signed.getLong("checkpoint.seq");
        String hash = signed.getString("checkpoint.head_hash");
        String otherHash = (hash.charAt(0) == 'a' ? "b" : "a") + hash.substring(1);
        try {
            setCheckpointHash(seq, otherHash);
            verify().body("intact", equalTo(false))
                    .body("failed_check", equalTo("checkpoint"))
                    .body("first_broken_seq", equalTo((int) seq))
                    .body("problem", containsString("bad signature"));
        } finally {
            setCheckpointHash(seq, hash);
        }
        verify().body("intact", equalTo(true));
    }

    private void setCheckpointHash(long seq, String hash) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update audit_checkpoint set head_hash = :hash where seq = :seq")
                .setParameter("hash", hash).setParameter("seq", seq).executeUpdate());
    }

    private static AuditEntry copy(AuditEntry entry) {
        AuditEntry copy = new AuditEntry();
        copy.seq = entry.seq;
        copy.recordedAt = entry.recordedAt;
        copy.type = entry.type;
        copy.incidentId = entry.incidentId;
        copy.principal = entry.principal;
        copy.data = entry.data;
        copy.previousHash = entry.previousHash;
        copy.hash = entry.hash;
        return copy;
    }

    private static AuditCheckpoint copy(AuditCheckpoint checkpoint) {
        AuditCheckpoint copy = new AuditCheckpoint();
        copy.seq = checkpoint.seq;
        copy.headHash = checkpoint.headHash;
        copy.signedAt = checkpoint.signedAt;
        copy.keyId = checkpoint.keyId;
        copy.signature = checkpoint.signature;
        return copy;
    }
}
