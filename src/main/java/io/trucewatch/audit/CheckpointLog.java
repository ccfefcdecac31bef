package io.trucewatch.audit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every signed checkpoint, one JSON object a line, appended to a file beside the key. The database
 * table is what the API lists; this file is the witness that a checkpoint existed, out of reach of
 * someone who can only change the database (who could otherwise delete the rows after a
 * checkpoint and the checkpoint row itself).
 */
@ApplicationScoped
public class CheckpointLog {

    private static final Logger LOG = Logger.getLogger(CheckpointLog.class);

    @ConfigProperty(name = "trucewatch.audit.checkpoint-log")
    Optional<String> configuredPath;

    /** A database wiped at every start (tests) makes the checkpoints of the previous one meaningless. */
    @ConfigProperty(name = "quarkus.flyway.clean-at-start", defaultValue = "false")
    boolean databaseCleanedAtStart;

    @Inject
    CheckpointKey key;

    private Path path;

    @PostConstruct
    void open() {
        path = CheckpointFiles.logPath(configuredPath, key.path());
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            if (databaseCleanedAtStart && Files.deleteIfExists(path)) {
                LOG.infof("quarkus.flyway.clean-at-start: the database was wiped, so the checkpoint log %s "
                        + "of the previous one was deleted", path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the checkpoint log " + path, e);
        }
    }

    synchronized List<SignedCheckpoint> readAll() {
        List<SignedCheckpoint> checkpoints = new ArrayList<>();
        if (!Files.exists(path)) {
            return checkpoints;
        }
        try {
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    checkpoints.add(CanonicalJson.read(line, SignedCheckpoint.class));
                } catch (IllegalArgumentException e) {
                    // A line cut short by a crash mid-append: its row was committed before the
                    // append began, so nothing is lost by passing over it.
                    LOG.warnf("checkpoint log %s line %d is not a checkpoint; skipped", path, i + 1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint log " + path, e);
        }
        return checkpoints;
    }

    /** Appends and forces it to disk before returning. */
    synchronized void append(SignedCheckpoint checkpoint) {
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ)) {
            long end = file.size();
            String line = CanonicalJson.write(checkpoint) + "\n";
            if (end > 0 && !endsWithNewline(file, end)) {
                line = "\n" + line; // after a line cut short, start afresh rather than extend it
            }
            file.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)), end);
            file.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the checkpoint log " + path, e);
        }
    }

    Path path() {
        return path;
    }

    private static boolean endsWithNewline(FileChannel file, long end) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        file.read(last, end - 1);
        return last.get(0) == '\n';
    }
}
