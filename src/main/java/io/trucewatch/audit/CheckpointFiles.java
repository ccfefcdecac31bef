package io.trucewatch.audit;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the checkpoint key and the checkpoint log live unless configured: next to the H2 database
 * file, so that they share its lifetime and backups, but outside the database, so that someone who
 * can only write to the database can neither re-sign nor erase checkpoints.
 */
final class CheckpointFiles {

    static final String KEY_FILE = "checkpoint-key";
    static final String PUBLIC_KEY_SUFFIX = ".pub";
    static final String LOG_FILE = "checkpoints.jsonl";

    private CheckpointFiles() {
    }

    static Path keyPath(Optional<String> configured, Optional<String> jdbcUrl) {
        return configured.filter(p -> !p.isBlank()).map(p -> Path.of(p.strip()))
                .orElseGet(() -> dataDirectory(jdbcUrl).resolve(KEY_FILE));
    }

    static Path publicKeyPath(Path keyPath) {
        return keyPath.resolveSibling(keyPath.getFileName() + PUBLIC_KEY_SUFFIX);
    }

    static Path logPath(Optional<String> configured, Path keyPath) {
        return configured.filter(p -> !p.isBlank()).map(p -> Path.of(p.strip()))
                .orElseGet(() -> keyPath.resolveSibling(LOG_FILE));
    }

    /**
     * The directory of an embedded H2 database file ({@code jdbc:h2:file:./data/trucewatch;…} gives
     * {@code ./data}); {@code data} for any other database, whose files are not ours to sit next to.
     */
    static Path dataDirectory(Optional<String> jdbcUrl) {
        Path fallback = Path.of("data");
        if (jdbcUrl.isEmpty() || !jdbcUrl.get().toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            return fallback;
        }
        String location = jdbcUrl.get().substring("jdbc:h2:".length());
        int options = location.indexOf(';');
        if (options >= 0) {
            location = location.substring(0, options);
        }
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file:")) {
            location = location.substring("file:".length());
        } else if (lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:")
                || lower.startsWith("zip:") || location.isBlank()) {
            return fallback;
        }
        if (location.startsWith("~")) {
            location = System.getProperty("user.home") + location.substring(1);
        }
        Path parent = Path.of(location).getParent();
        return parent == null ? Path.of(".") : parent;
    }
}
