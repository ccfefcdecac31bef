package io.trucewatch.rulesets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Copies of the real rules/ and config/ that a test may break without touching the originals. */
public final class TestFiles {

    private TestFiles() {
    }

    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    /** The 1-based line on which {@code needle} first appears. */
    public static int lineOf(String text, String needle) {
        int offset = text.indexOf(needle);
        if (offset < 0) {
            throw new IllegalArgumentException("test setup: '" + needle + "' not found");
        }
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The snapshot with one file added or replaced (content null: removed). */
    public static RulesetSnapshot withFile(RulesetSnapshot snapshot, String path, String content) {
        java.util.Map<String, String> files = new java.util.TreeMap<>(snapshot.files());
        if (content == null) {
            files.remove(path);
        } else {
            files.put(path, content);
        }
        return new RulesetSnapshot(files);
    }

    /** Replaces {@code to} with a fresh copy of {@code from}. */
    public static void replaceTree(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> paths = Files.walk(to)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        copyTree(from, to);
    }
}
