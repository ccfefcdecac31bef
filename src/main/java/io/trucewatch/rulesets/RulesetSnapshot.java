package io.trucewatch.rulesets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The exact content of {@code rules/} and {@code config/} at one moment: relative path → text.
 * Its version is the SHA-256 of the sorted paths and contents, so the same files always give the
 * same version and any change gives another. Everything the engine knows comes from a snapshot,
 * which is what makes a stored version enough to reproduce a verdict.
 */
public final class RulesetSnapshot {

    public static final String RULES_DIR = "rules";
    public static final String CONFIG_DIR = "config";

    private final SortedMap<String, String> files;
    private final String version;

    public RulesetSnapshot(Map<String, String> files) {
        this.files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        this.version = "sha256:" + digest(this.files);
    }

    /** Reads the rules and config directories, skipping hidden files; paths are keyed "rules/…" and "config/…". */
    public static RulesetSnapshot read(Path rulesDir, Path configDir) {
        Map<String, String> files = new TreeMap<>();
        readTree(rulesDir, RULES_DIR, files);
        readTree(configDir, CONFIG_DIR, files);
        return new RulesetSnapshot(files);
    }

    private static void readTree(Path dir, String prefix, Map<String, String> into) {
        if (!Files.isDirectory(dir)) {
            throw new RulesetException(prefix + "/", 0, 0, "directory " + dir.toAbsolutePath() + " does not exist");
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile).sorted()::iterator) {
                Path relative = dir.relativize(file);
                boolean hidden = false;
                for (Path part : relative) {
                    hidden |= part.toString().startsWith(".");
                }
                if (!hidden) {
                    String path = prefix + "/" + relative.toString().replace('\\', '/');
                    into.put(path, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    private static String digest(SortedMap<String, String> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> file : files.entrySet()) {
                sha.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(file.getValue().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public SortedMap<String, String> files() {
        return files;
    }

    public String version() {
        return version;
    }

    /** The files directly or indirectly under {@code folder} (e.g. "config/truces/"). */
    public SortedMap<String, String> under(String folder) {
        return files.subMap(folder, folder + Character.MAX_VALUE);
    }
}
