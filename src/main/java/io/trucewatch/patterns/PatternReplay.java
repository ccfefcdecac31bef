package io.trucewatch.patterns;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.trucewatch.incidents.IncidentVersion;
import io.trucewatch.patterns.facts.Act;
import io.trucewatch.patterns.facts.PatternThreshold;
import io.trucewatch.rulesets.Ruleset;
import io.trucewatch.rulesets.RulesetVersions;
import io.trucewatch.truces.Truce;
import io.trucewatch.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reproduces a stored pattern as a replay reproduces a verdict: the ruleset version that found it,
 * recompiled from its stored files, reads its reports again (each at the version and with the
 * review status that were counted) and runs its rules over time on them. A pattern's windows hold
 * only its own reports (an act in none of them never made a window reach the threshold), so its
 * reports alone make it again.
 */
@ApplicationScoped
public class PatternReplay {

    @Inject
    RulesetVersions versions;

    /**
     * @param reproduced whether the replay found the same reports, verdict and reason
     * @param again      what the replay found (null if it found nothing)
     */
    public record Result(String patternId, String rulesetVersion, boolean reproduced, PatternView stored,
            DetectedPattern again) {
    }

    public Result replay(String id) {
        record Stored(PatternView view, List<ActReading.StoredJudgement> reports) {
        }
        Stored stored = QuarkusTransaction.requiringNew().call(() -> {
            StoredPattern pattern = StoredPattern.<StoredPattern>findByIdOptional(id)
                    .orElseThrow(() -> ProblemException.notFound("pattern " + id));
            List<ActReading.StoredJudgement> reports = new ArrayList<>();
            for (DetectedPattern.Member member : pattern.reports()) {
                IncidentVersion version = IncidentVersion.<IncidentVersion>find("incidentId = ?1 and number = ?2",
                        member.incidentId(), member.version()).firstResult();
                reports.add(new ActReading.StoredJudgement(member.incidentId(), member.version(),
                        version.judged.reportJson, version.judged.evaluationJson, member.reviewStatus()));
            }
            return new Stored(PatternView.of(pattern), reports);
        });
        PatternView view = stored.view();
        Ruleset ruleset = versions.get(view.rulesetVersion()).orElseThrow(() -> new IllegalStateException(
                "ruleset version " + view.rulesetVersion() + " of a stored pattern is not stored"));
        Truce truce = ruleset.terms().truces().get(view.truce());
        Optional<PatternThreshold> threshold = truce == null ? Optional.empty()
                : PatternDetector.thresholds(truce.terms()).stream().filter(t -> t.pattern().equals(view.pattern())).findFirst();
        if (threshold.isEmpty()) {
            return new Result(id, view.rulesetVersion(), false, view, null);
        }
        List<Act> acts = new ArrayList<>();
        stored.reports().forEach(r -> acts.addAll(ActReading.acts(r, ruleset.terms())));
        long period = PatternPeriods.of(truce.startsAt(), threshold.get()).index(view.periodStart().toEpochMilli());
        DetectedPattern again = PatternFinder.find(ruleset.patterns().get(truce.id()), truce, threshold.get(),
                Set.of(period), acts).stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
        boolean reproduced = again != null && again.reports().equals(view.reports())
                && again.verdict().name().equals(view.verdict()) && again.explanation().equals(view.explanation());
        return new Result(id, view.rulesetVersion(), reproduced, view, again);
    }
}
