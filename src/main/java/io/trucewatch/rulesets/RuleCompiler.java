package io.trucewatch.rulesets;

import io.trucewatch.rulesets.safety.RuleSafety;
import io.trucewatch.truces.Truce;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles each truce's DRL files (the common rules in {@code rules/common/}, then its own folder,
 * {@code rules/<truce-id>/} or the rule set it shares) into a KieBase of its own, from
 * the text in a snapshot, never from the classpath. Errors are reported with the file as it is on
 * disk and the line Drools gives. Before compiling, every file must pass {@link RuleSafety} (rules
 * can only judge: no code beyond reading facts and inserting findings, no wall clock, so that a
 * verdict depends on nothing but the report and the ruleset version); after, every rule must name
 * a clause of its truce ({@code @clause("…")}).
 *
 * <p>A rule set's {@code patterns/} folder holds its rules over time (bursts, persistent
 * non-compliance…): they judge many judged reports, not one, so they compile into a KieBase of
 * their own, in STREAM mode, where acts are events on a pseudo clock that follows event time
 * (patterns.PatternDetector). They pass the same checks, and may also count with the built-in
 * accumulate functions.
 */
public final class RuleCompiler {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);
    private static final AtomicLong COMPILATIONS = new AtomicLong();

    private RuleCompiler() {
    }

    /** Per truce: the KieBase that judges one report, and the one that finds patterns (absent without pattern rules). */
    public record Compiled(Map<String, KieBase> rules, Map<String, KieBase> patterns) {
    }

    /** The folder under a rule set's own folder whose files are rules over time. */
    static final String PATTERNS = "patterns/";

    public static Compiled compile(RulesetSnapshot snapshot, Terms terms) {
        // Truces that share a rule set (the same rule folders) share one KieBase: the DRL is the
        // same, only the facts of their terms differ. Each distinct set compiles on its own
        // (separate KieBuilder, unique release), in parallel, since compiling is most of the time a
        // reload or a start-up takes. Errors are merged in truce order, each once, so the report
        // does not depend on which finished first or how many truces share the file.
        Map<List<String>, List<Truce>> bySet = new LinkedHashMap<>();
        terms.truces().values().forEach(t -> bySet.computeIfAbsent(t.terms().ruleFolders(), k -> new ArrayList<>()).add(t));
        List<CompiledSet> compiled = bySet.entrySet().parallelStream()
                .map(set -> compileSet(snapshot, set.getKey(), set.getValue())).toList();
        Set<RulesetException.Error> errors = new LinkedHashSet<>();
        Map<String, KieBase> bases = new LinkedHashMap<>();
        Map<String, KieBase> patternBases = new LinkedHashMap<>();
        for (CompiledSet result : compiled) {
            errors.addAll(result.errors());
            if (result.base() != null) {
                result.truces().forEach(t -> bases.put(t.id(), result.base()));
            }
            if (result.patterns() != null) {
                result.truces().forEach(t -> patternBases.put(t.id(), result.patterns()));
            }
        }
        if (!errors.isEmpty()) {
            throw new RulesetException(List.copyOf(errors));
        }
        return new Compiled(Map.copyOf(bases), Map.copyOf(patternBases));
    }

    private record CompiledSet(List<Truce> truces, KieBase base, KieBase patterns, List<RulesetException.Error> errors) {
    }

    private static CompiledSet compileSet(RulesetSnapshot snapshot, List<String> folders, List<Truce> truces) {
        List<RulesetException.Error> errors = new ArrayList<>();
        String own = folders.get(folders.size() - 1);
        Map<String, String> drl = new LinkedHashMap<>();
        Map<String, String> patternDrl = new LinkedHashMap<>();
        for (String rules : folders) {
            snapshot.under(rules).forEach((path, text) -> {
                if (path.endsWith(".drl")) {
                    (path.startsWith(own + PATTERNS) ? patternDrl : drl).put(path, text);
                }
            });
        }
        if (drl.keySet().stream().noneMatch(path -> path.startsWith(own))) {
            truces.forEach(t -> errors.add(new RulesetException.Error(own, 0, 0, "truce '" + t.id() + "' has no .drl file")));
            return new CompiledSet(truces, null, null, errors);
        }
        String name = own.substring("rules/".length(), own.length() - 1);
        KieBase base = checkAndBuild(name, drl, truces, false, errors);
        KieBase patterns = patternDrl.isEmpty() ? null : checkAndBuild(name + "-patterns", patternDrl, truces, true, errors);
        return errors.isEmpty() ? new CompiledSet(truces, base, patterns, errors) : new CompiledSet(truces, null, null, errors);
    }

    private static KieBase checkAndBuild(String name, Map<String, String> drl, List<Truce> truces, boolean stream,
            List<RulesetException.Error> errors) {
        int before = errors.size();
        drl.forEach((path, text) -> checkText(path, text, errors));
        if (errors.size() == before) {
            errors.addAll(stream ? RuleSafety.checkPatterns(drl) : RuleSafety.check(drl));
        }
        KieBase base = errors.size() == before ? build(name, drl, stream, errors) : null;
        if (base != null) {
            truces.forEach(truce -> checkClauses(base, truce, drl, errors));
        }
        return errors.size() == before ? base : null;
    }

    private static void checkText(String path, String text, List<RulesetException.Error> errors) {
        if (!PACKAGE.matcher(text).find()) {
            errors.add(new RulesetException.Error(path, 1, 0, "a rule file needs a package line"));
        }
    }

    /**
     * Builds one rule set's KieBase with the application class loader (see DROOLS-EMBEDDING notes);
     * in STREAM mode for rules over time, whose facts are events.
     */
    private static KieBase build(String truceId, Map<String, String> drl, boolean stream, List<RulesetException.Error> errors) {
        ClassLoader appLoader = RuleCompiler.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(appLoader);
        KieServices ks = KieServices.Factory.get();
        // KieRepository is JVM-wide: a unique release per compilation, removed once built.
        ReleaseId releaseId = ks.newReleaseId("io.trucewatch.rules", truceId,
                "1.0." + COMPILATIONS.incrementAndGet());
        try {
            KieFileSystem kfs = ks.newKieFileSystem();
            kfs.generateAndWritePomXML(releaseId);
            Map<String, String> virtualToDisk = new HashMap<>();
            drl.forEach((path, text) -> {
                Matcher pkg = PACKAGE.matcher(text);
                String folder = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
                String fileName = path.substring(path.lastIndexOf('/') + 1);
                String virtual = "src/main/resources/" + folder + fileName;
                virtualToDisk.put(virtual, path);
                virtualToDisk.put(folder + fileName, path);
                kfs.write(virtual, text);
            });
            KieBuilder builder = ks.newKieBuilder(kfs, appLoader).buildAll();
            List<Message> messages = builder.getResults().getMessages(Message.Level.ERROR);
            if (!messages.isEmpty()) {
                report(messages, virtualToDisk, errors);
                return null;
            }
            KieContainer container = ks.newKieContainer(releaseId, appLoader);
            KieBaseConfiguration configuration = ks.newKieBaseConfiguration(null, appLoader);
            if (stream) {
                configuration.setOption(EventProcessingOption.STREAM);
            }
            return container.newKieBase(configuration);
        } finally {
            ks.getRepository().removeKieModule(releaseId);
            thread.setContextClassLoader(previous);
        }
    }

    private static void report(List<Message> messages, Map<String, String> virtualToDisk,
            List<RulesetException.Error> errors) {
        // A syntax error makes Drools drop the whole package, and every other file then fails to
        // resolve the types it declared: dozens of errors with one cause. Show the cause alone.
        List<Message> syntax = messages.stream().filter(m -> m.getText().startsWith("[ERR ")).toList();
        if (!syntax.isEmpty()) {
            messages = syntax;
        }
        Map<String, Boolean> fileHasLine = new HashMap<>();
        for (Message m : messages) {
            String file = virtualToDisk.getOrDefault(m.getPath(), m.getPath());
            fileHasLine.merge(String.valueOf(file), m.getLine() > 0, Boolean::logicalOr);
        }
        for (Message m : messages) {
            String file = virtualToDisk.getOrDefault(m.getPath(), m.getPath());
            // Drools follows a syntax error with "Parser returned a null Package" at line 0: noise.
            if (m.getLine() <= 0 && fileHasLine.getOrDefault(String.valueOf(file), false)) {
                continue;
            }
            errors.add(new RulesetException.Error(file == null ? "rules/" : file, m.getLine(), m.getColumn(),
                    m.getText().strip()));
        }
    }

    private static void checkClauses(KieBase base, Truce truce, Map<String, String> drl,
            List<RulesetException.Error> errors) {
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Object clause = rule.getMetaData().get("clause");
                if (clause == null) {
                    errors.add(where(rule, drl, "rule '" + rule.getName() + "' has no @clause(\"…\") naming the clause it enforces"));
                } else if (!truce.terms().hasClause(clause.toString())) {
                    errors.add(where(rule, drl, "rule '" + rule.getName() + "' names clause '" + clause
                            + "', which truce '" + truce.id() + "' does not have"));
                }
            }
        }
    }

    private static RulesetException.Error where(Rule rule, Map<String, String> drl, String message) {
        for (Map.Entry<String, String> file : drl.entrySet()) {
            Matcher m = RULE.matcher(file.getValue());
            while (m.find()) {
                if (m.group(1).equals(rule.getName())) {
                    return new RulesetException.Error(file.getKey(), lineOf(file.getValue(), m.start(1)), 0, message);
                }
            }
        }
        return new RulesetException.Error("rules/", 0, 0, message);
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
