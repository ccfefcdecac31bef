package io.trucewatch.reevaluation;

import io.trucewatch.evaluation.Evaluator;
import io.trucewatch.incidents.Incident;
import io.trucewatch.incidents.IncidentFilter;
import io.trucewatch.incidents.IncidentSearch;
import io.trucewatch.incidents.StoredReports;
import io.trucewatch.rulesets.ActiveRuleset;
import io.trucewatch.rulesets.Ruleset;
import io.trucewatch.rulesets.ScenarioRunner;
import io.trucewatch.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Re-judges every stored report under a candidate, streaming through the table in batches (see
 * {@link IncidentSearch#forEachBatch}): each batch is evaluated in parallel, then folded into the
 * matrix in order, so the result is the same however many cores ran it and memory holds one batch
 * plus one page of changes.
 */
@ApplicationScoped
public class DryRunService {

    @Inject
    IncidentSearch search;

    @Inject
    ActiveRuleset active;

    public DryRun run(Ruleset candidate, int page, int size) {
        long start = System.nanoTime();
        Map<String, Map<String, Long>> matrix = new TreeMap<>();
        List<DryRun.Change> pageOfChanges = new ArrayList<>();
        AtomicLong reports = new AtomicLong();
        AtomicLong changed = new AtomicLong();
        long firstOnPage = (long) page * size;
        search.forEachBatch(IncidentFilter.ANY, batch -> {
            List<String> verdicts = batch.parallelStream()
                    .map(incident -> Evaluator.evaluate(StoredReports.report(incident.judged.reportJson), candidate)
                            .verdict().name())
                    .toList();
            for (int i = 0; i < batch.size(); i++) {
                Incident incident = batch.get(i);
                String to = verdicts.get(i);
                reports.incrementAndGet();
                matrix.computeIfAbsent(incident.judged.verdict, v -> new TreeMap<>()).merge(to, 1L, Long::sum);
                if (!to.equals(incident.judged.verdict)) {
                    long index = changed.getAndIncrement();
                    if (index >= firstOnPage && index < firstOnPage + size) {
                        pageOfChanges.add(new DryRun.Change(incident.id, incident.externalId,
                                incident.judged.verdict, to, incident.judged.rulesetVersion));
                    }
                }
            }
        });
        ScenarioRunner.Result scenarios = ScenarioRunner.run(candidate);
        return new DryRun(candidate.version(), active.get().version(), reports.get(), changed.get(),
                (System.nanoTime() - start) / 1_000_000, matrix,
                new Page<>(pageOfChanges, page, size, changed.get()), scenarios.failures());
    }
}
