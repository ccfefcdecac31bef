package io.trucewatch.audit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The service's Ed25519 checkpoint key pair. Generated on first start and kept in files (private
 * key PKCS#8, public key X.509, both PEM) next to the database, never in it: whoever can change
 * only the database cannot sign a checkpoint for a shortened or rewritten chain.
 */
@ApplicationScoped
public class CheckpointKey {

    static final String ALGORITHM = "Ed25519";

    /** What is signed; documented so that auditors can check a checkpoint with any Ed25519 tool. */
    static final String MESSAGE_FORMAT = "trucewatch-audit-checkpoint-v1\\n{seq}\\n{head_hash}\\n{signed_at}\\n";

    private static final Logger LOG = Logger.getLogger(CheckpointKey.class);

    @ConfigProperty(name = "trucewatch.audit.checkpoint-key")
    Optional<String> configuredPath;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> jdbcUrl;

    private Path path;
    private PrivateKey privateKey;
    private PublicKey publicKey;
    private String keyId;

    @PostConstruct
    void load() {
        path = CheckpointFiles.keyPath(configuredPath, jdbcUrl);
        Path publicPath = CheckpointFiles.publicKeyPath(path);
        try {
            if (!Files.exists(path)) {
                generate(publicPath);
            }
            privateKey = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pem(path)));
            if (!Files.exists(publicPath)) {
                // JDK 17 cannot derive an Ed25519 public key from the private one: refuse rather than
                // make a new pair, which would turn every earlier checkpoint into a "bad signature".
                throw new IllegalStateException("checkpoint key " + path + " has no public key " + publicPath
                        + "; restore it from a backup");
            }
            publicKey = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(pem(publicPath)));
            keyId = CanonicalJson.sha256Hex(Base64.getEncoder().encodeToString(publicKey.getEncoded()));
            String probe = "probe";
            if (!verifies(probe, sign(probe))) {
                throw new IllegalStateException("checkpoint keys " + path + " and " + publicPath + " are not a pair");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the checkpoint key " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("checkpoint key " + path + " is not an Ed25519 PKCS#8 key", e);
        }
    }

    SignedCheckpoint sign(long seq, String headHash, Instant signedAt) {
        return new SignedCheckpoint(seq, headHash, signedAt, keyId, sign(message(seq, headHash, signedAt)));
    }

    /** Whether the checkpoint was signed by this service's key over exactly these values. */
    boolean verifies(SignedCheckpoint checkpoint) {
        return keyId.equals(checkpoint.keyId())
                && verifies(message(checkpoint.seq(), checkpoint.headHash(), checkpoint.signedAt()), checkpoint.signature());
    }

    static String message(long seq, String headHash, Instant signedAt) {
        return "trucewatch-audit-checkpoint-v1\n" + seq + "\n" + headHash + "\n" + signedAt + "\n";
    }

    /** Base64 of the public key's X.509 (SubjectPublicKeyInfo) encoding. */
    String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    String keyId() {
        return keyId;
    }

    Path path() {
        return path;
    }

    private String sign(String message) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint", e);
        }
    }

    private boolean verifies(String message, String signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(message.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false; // not base64, or not a signature at all: a bad signature either way
        }
    }

    private void generate(Path publicPath) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        Path directory = path.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        writeAtomically(publicPath, pemText("PUBLIC KEY", pair.getPublic().getEncoded()));
        writeAtomically(path, pemText("PRIVATE KEY", pair.getPrivate().getEncoded()));
        LOG.infof("generated the audit checkpoint key %s (public key %s); back both up with the database", path,
                publicPath);
    }

    /** Whole or not at all; a temporary file is readable by its owner only, and so is the key file. */
    private static void writeAtomically(Path target, String text) throws IOException {
        Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), ".checkpoint-key", ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String pemText(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] pem(Path file) throws IOException {
        StringBuilder base64 = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            if (!line.startsWith("-----")) {
                base64.append(line.strip());
            }
        }
        return Base64.getDecoder().decode(base64.toString());
    }
}
