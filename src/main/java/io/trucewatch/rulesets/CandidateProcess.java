package io.trucewatch.rulesets;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Checks a candidate ruleset in a separate JVM ({@link CandidateCheck}) with its own heap limit and
 * a time limit, so that a candidate that exhausts memory, or compiles or fires without end, costs a
 * process that is then ended, never the service's heap or threads. Rule files cannot run code of
 * their own ({@link io.trucewatch.rulesets.safety.RuleSafety}); what this bounds is what is left:
 * Drools' own work on a hostile but well-formed candidate (a huge file, a join over many facts).
 * A candidate that passes here is compiled again in the service to be put into service.
 */
final class CandidateProcess {

    /** The exit status of a JVM stopped by -XX:+ExitOnOutOfMemoryError. */
    private static final int OUT_OF_MEMORY = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CandidateProcess() {
    }

    static CandidateCheck.Outcome check(RulesetSnapshot candidate, Duration timeout, String heap) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-cp", classpath(),
                CandidateCheck.class.getName()));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new RulesetException("(ruleset)", 0, 0, "the check process could not start: " + e.getMessage());
        }
        try {
            CompletableFuture<byte[]> answer = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            try (OutputStream in = process.getOutputStream()) {
                JSON.writeValue(in, candidate.files());
            } catch (IOException e) {
                // The process ended early; its exit status says why.
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new RulesetException("(ruleset)", 0, 0, "checking the candidate did not finish within "
                        + timeout.toSeconds() + " s and was stopped (trucewatch.rules.check-timeout)");
            }
            if (process.exitValue() == OUT_OF_MEMORY) {
                throw new RulesetException("(ruleset)", 0, 0, "checking the candidate ran out of its " + heap
                        + " of memory and was stopped (trucewatch.rules.check-heap)");
            }
            byte[] json = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (process.exitValue() != 0 || json.length == 0) {
                throw new RulesetException("(ruleset)", 0, 0, "the check process failed (exit status "
                        + process.exitValue() + ")");
            }
            return JSON.readValue(json, CandidateCheck.Outcome.class);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RulesetException("(ruleset)", 0, 0, "checking the candidate was interrupted");
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new RulesetException("(ruleset)", 0, 0, "the check process gave no readable answer");
        } finally {
            process.destroyForcibly();
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * The service's own classes and libraries. Started as a packaged application, the class path
     * names only quarkus-run.jar, whose libraries lie beside it (app/, lib/boot/, lib/main/);
     * otherwise (tests, an IDE) the class path is the application's.
     */
    static String classpath() {
        String classpath = System.getProperty("java.class.path");
        Path single = Path.of(classpath).toAbsolutePath();
        if (!classpath.contains(File.pathSeparator) && single.getFileName().toString().equals("quarkus-run.jar")) {
            Path app = single.getParent();
            List<String> parts = new ArrayList<>();
            for (String folder : List.of("app", "lib/boot", "lib/main")) {
                if (Files.isDirectory(app.resolve(folder))) {
                    parts.add(app.resolve(folder) + File.separator + "*");
                }
            }
            return String.join(File.pathSeparator, parts);
        }
        return classpath;
    }
}
