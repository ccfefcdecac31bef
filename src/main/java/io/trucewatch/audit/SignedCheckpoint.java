package io.trucewatch.audit;

import java.time.Instant;

/**
 * The service's signed statement "the audit chain had entry {@code seq} with hash {@code headHash}
 * at {@code signedAt}". The signature is Ed25519 over {@link CheckpointKey#message} (UTF-8), so
 * anyone holding the published public key can check it without trusting the service or its database.
 *
 * @param keyId SHA-256 (hex) of the public key's X.509 encoding: which key signed
 * @param signature base64 of the 64-byte Ed25519 signature
 */
public record SignedCheckpoint(long seq, String headHash, Instant signedAt, String keyId, String signature) {

    boolean sameAs(SignedCheckpoint other) {
        return seq == other.seq && headHash.equals(other.headHash) && signedAt.equals(other.signedAt)
                && keyId.equals(other.keyId) && signature.equals(other.signature);
    }
}
