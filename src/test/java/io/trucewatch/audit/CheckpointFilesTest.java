package io.trucewatch.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The checkpoint key sits next to the H2 file unless configured; never anywhere a database URL cannot say. */
class CheckpointFilesTest {

    @Test
    void theKeyGoesNextToAnEmbeddedH2File() {
        assertEquals(Path.of("./data/checkpoint-key"), CheckpointFiles.keyPath(Optional.empty(),
                Optional.of("jdbc:h2:file:./data/trucewatch;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE")));
        assertEquals(Path.of("./target/test-data/checkpoint-key"), CheckpointFiles.keyPath(Optional.empty(),
                Optional.of("jdbc:h2:file:./target/test-data/trucewatch;WRITE_DELAY=0")));
        assertEquals(Path.of("/srv/tw/checkpoint-key"),
                CheckpointFiles.keyPath(Optional.empty(), Optional.of("jdbc:h2:/srv/tw/db")));
    }

    @Test
    void otherDatabasesUseDataAndAConfiguredPathWins() {
        assertEquals(Path.of("data/checkpoint-key"),
                CheckpointFiles.keyPath(Optional.empty(), Optional.of("jdbc:postgresql://db/trucewatch")));
        assertEquals(Path.of("data/checkpoint-key"),
                CheckpointFiles.keyPath(Optional.empty(), Optional.of("jdbc:h2:mem:test")));
        assertEquals(Path.of("data/checkpoint-key"), CheckpointFiles.keyPath(Optional.empty(), Optional.empty()));
        Path configured = CheckpointFiles.keyPath(Optional.of("/etc/trucewatch/key"), Optional.of("jdbc:h2:file:./data/x"));
        assertEquals(Path.of("/etc/trucewatch/key"), configured);
        assertEquals(Path.of("/etc/trucewatch/key.pub"), CheckpointFiles.publicKeyPath(configured));
        assertEquals(Path.of("/etc/trucewatch/checkpoints.jsonl"), CheckpointFiles.logPath(Optional.empty(), configured));
        assertEquals(Path.of("/var/log/cp.jsonl"), CheckpointFiles.logPath(Optional.of("/var/log/cp.jsonl"), configured));
    }
}
