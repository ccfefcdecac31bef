package io.trucewatch.rulesets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A candidate ruleset sent over HTTP: either JSON ({@code files}: path → content to add or
 * replace, {@code remove}: paths to drop, both applied to the ruleset in service), or a zip of a
 * complete {@code rules/} + {@code config/} tree.
 */
public record CandidateFiles(Map<String, String> files, List<String> remove) {

    /** Largest JSON candidate (bytes): the whole of rules/ and config/ is a few megabytes. */
    public static final int MAX_BODY = 20 * 1024 * 1024;

    /** Largest zip accepted, uncompressed (bytes): a guard against zip bombs. */
    static final long MAX_UNZIPPED = 50L * 1024 * 1024;

    /** The whole tree in a zip: a complete candidate, not an overlay. */
    static RulesetSnapshot fromZip(byte[] zip) {
        Map<String, String> files = new TreeMap<>();
        List<RulesetException.Error> errors = new ArrayList<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                String path = entry.getName();
                byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_UNZIPPED - total + 1));
                total += content.length;
                if (total > MAX_UNZIPPED) {
                    throw new RulesetException("(zip)", 0, 0, "more than " + MAX_UNZIPPED + " bytes unzipped");
                }
                boolean hidden = false;
                for (String part : path.split("/")) {
                    hidden |= part.startsWith(".");
                }
                if (hidden) {
                    continue;
                }
                RulesetLifecycle.checkPath(path, errors);
                files.put(path, new String(content, StandardCharsets.UTF_8));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new RulesetException("(zip)", 0, 0, "not a readable zip: " + e.getMessage());
        }
        if (files.isEmpty()) {
            errors.add(new RulesetException.Error("(zip)", 0, 0, "no files under rules/ or config/"));
        }
        if (!errors.isEmpty()) {
            throw new RulesetException(errors);
        }
        return new RulesetSnapshot(files);
    }
}
