package io.trucewatch.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trucewatch.evaluation.Evaluator;
import io.trucewatch.evaluation.SyriaRulesFixture;
import io.trucewatch.evaluation.Verdict;
import io.trucewatch.incidents.ReportParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * How far two labellers agree, and where the service stands between them. A random sample of the
 * Syrian regression cases was labelled again by labellers who saw only each case's source and
 * report, never the first labels, the rules or the service (second-labels/, whose header says how
 * the sample was drawn). Two careful labellers applying METHOD.md to the same record can differ,
 * and no service can agree with both where they do: this prints the labellers' agreement (exact,
 * and Cohen's kappa, by the first label's METHOD rule) and the service's agreement where they agree
 * and where they do not, so a figure against the labels can be read against that ceiling.
 */
class LabellerAgreementTest {

    private static final Path CASES = Path.of("src/test/resources/regression");
    private static final Path SECOND_LABELS = CASES.resolve("second-labels");
    private static final List<String> VERDICTS = Arrays.stream(Verdict.values()).map(Verdict::name).toList();

    /**
     * Least share of the cases both labellers label alike on which the service gives that label:
     * a little under the figure last measured (README, "Judged on the real record").
     */
    private static final double FLOOR_WHERE_LABELLERS_AGREE = 0.85;

    /** A second label of one case, in the METHOD.md case format's terms. */
    record SecondLabel(String id, String label, List<String> acceptable, String methodRule, String basis) {

        /** The YAML shape of a second-labels file. */
        record File(List<SecondLabel> labels) {
        }
    }

    /** One case labelled twice, with the service's verdict. */
    record Pair(RealRecordCase first, SecondLabel second, String service) {

        boolean labellersAgree() {
            return first.label().equals(second.label());
        }
    }

    @Test
    void theServiceIsMeasuredAgainstWhatTwoLabellersAgreeOn() throws IOException {
        Map<String, RealRecordCase> cases = casesById();
        List<Pair> pairs = new ArrayList<>();
        for (SecondLabel second : secondLabels()) {
            RealRecordCase first = cases.get(second.id());
            assertTrue(first != null, "second label for a case that is not in the regression set: " + second.id());
            if (second.label() == null) {
                continue; // not reached by the second labeller: counted in the header, not guessed
            }
            assertTrue(VERDICTS.contains(second.label()), second.id() + ": not a verdict: " + second.label());
            assertTrue(second.acceptable() == null || VERDICTS.containsAll(second.acceptable()),
                    second.id() + ": acceptable holds something that is not a verdict: " + second.acceptable());
            String service = Evaluator.evaluate(ReportParser.parse(first.report().toString()), SyriaRulesFixture.ruleset())
                    .verdict().name();
            pairs.add(new Pair(first, second, service));
        }
        assertEquals(pairs.stream().map(p -> p.first().id()).distinct().count(), pairs.size(), "a case labelled twice over");

        List<Pair> agreed = pairs.stream().filter(Pair::labellersAgree).toList();
        List<Pair> split = pairs.stream().filter(p -> !p.labellersAgree()).toList();
        System.out.printf(Locale.ROOT, "labellers: %d cases labelled twice; the labels agree on %d (%.1f %%), Cohen's kappa %.2f%n",
                pairs.size(), agreed.size(), percent(agreed.size(), pairs.size()), kappa(pairs));
        pairs.stream().collect(Collectors.groupingBy(p -> String.valueOf(p.first().methodRule()), TreeMap::new, Collectors.toList()))
                .forEach((rule, group) -> System.out.printf(Locale.ROOT, "labellers, first label's rule %-4s %3d cases: agree %5.1f %%%n",
                        rule, group.size(), percent(group.stream().filter(Pair::labellersAgree).count(), group.size())));
        System.out.printf(Locale.ROOT, "labellers, first label (rows) against second label (columns):%n%s", confusion(pairs));
        double serviceWhereAgreed = share(agreed, p -> p.service().equals(p.first().label()));
        System.out.printf(Locale.ROOT, "service where the labellers agree (%d cases): %.1f %%%n", agreed.size(), 100 * serviceWhereAgreed);
        System.out.printf(Locale.ROOT, "service where they differ (%d cases): the first label %.1f %%, the second %.1f %%, either %.1f %%%n",
                split.size(), 100 * share(split, p -> p.service().equals(p.first().label())),
                100 * share(split, p -> p.service().equals(p.second().label())),
                100 * share(split, p -> p.service().equals(p.first().label()) || p.service().equals(p.second().label())));
        System.out.printf(Locale.ROOT, "service on all %d: the first label %.1f %%, the second %.1f %%%n", pairs.size(),
                100 * share(pairs, p -> p.service().equals(p.first().label())),
                100 * share(pairs, p -> p.service().equals(p.second().label())));
        split.forEach(p -> System.out.printf(Locale.ROOT, "  labels differ: %-52s first %-18s (%s) second %-18s (%s) service %s%n",
                p.first().id(), p.first().label(), p.first().methodRule(), p.second().label(), p.second().methodRule(), p.service()));
        agreed.stream().filter(p -> !p.service().equals(p.first().label())).forEach(p -> System.out.printf(Locale.ROOT,
                "  labels agree, service differs: %-52s label %-18s (%s) service %s%n", p.first().id(), p.first().label(),
                p.first().methodRule(), p.service()));

        assertTrue(pairs.size() >= 100, "fewer than 100 cases labelled twice: " + pairs.size());
        assertTrue(serviceWhereAgreed >= FLOOR_WHERE_LABELLERS_AGREE, String.format(Locale.ROOT,
                "where two labellers agree the service gives their label on %.3f of the cases (floor %.2f)",
                serviceWhereAgreed, FLOOR_WHERE_LABELLERS_AGREE));
    }

    /**
     * Cohen's kappa: the labellers' agreement beyond what their label frequencies alone would give
     * by chance (1 is full agreement, 0 is chance).
     */
    static double kappa(List<Pair> pairs) {
        double n = pairs.size();
        double observed = pairs.stream().filter(Pair::labellersAgree).count() / n;
        double chance = 0;
        for (String verdict : VERDICTS) {
            double first = pairs.stream().filter(p -> p.first().label().equals(verdict)).count() / n;
            double second = pairs.stream().filter(p -> p.second().label().equals(verdict)).count() / n;
            chance += first * second;
        }
        return chance == 1 ? 1 : (observed - chance) / (1 - chance);
    }

    private static String confusion(List<Pair> pairs) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "  %-20s", ""));
        VERDICTS.forEach(v -> table.append(String.format(Locale.ROOT, "%20s", v)));
        table.append('\n');
        for (String row : VERDICTS) {
            table.append(String.format(Locale.ROOT, "  %-20s", row));
            for (String column : VERDICTS) {
                table.append(String.format(Locale.ROOT, "%20d", pairs.stream()
                        .filter(p -> p.first().label().equals(row) && p.second().label().equals(column)).count()));
            }
            table.append('\n');
        }
        return table.toString();
    }

    private static double share(List<Pair> pairs, Predicate<Pair> test) {
        return pairs.isEmpty() ? 0 : (double) pairs.stream().filter(test).count() / pairs.size();
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static Map<String, RealRecordCase> casesById() throws IOException {
        Map<String, RealRecordCase> byId = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(CASES)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("syria-.*\\.yaml")).sorted().toList()) {
                RealRecordCase.read(file).forEach(c -> byId.put(c.id(), c));
            }
        }
        return byId;
    }

    private static List<SecondLabel> secondLabels() throws IOException {
        List<SecondLabel> labels = new ArrayList<>();
        try (Stream<Path> files = Files.list(SECOND_LABELS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                labels.addAll(RealRecordCase.YAML.readValue(Files.readString(file), SecondLabel.File.class).labels());
            }
        }
        return labels;
    }
}
