package io.trucewatch.reevaluation;

import io.trucewatch.rulesets.RulesetException;
import io.trucewatch.web.Page;
import java.util.List;
import java.util.Map;

/**
 * What a candidate ruleset would change: every stored report (latest version) judged again under
 * it, nothing written.
 *
 * @param matrix           stored verdict → candidate verdict → number of reports (the diagonal is "unchanged")
 * @param changes          one page of the reports whose verdict would change, oldest first
 * @param scenarioFailures the candidate's own scenarios that fail (a dry-run does not require them to pass)
 */
public record DryRun(String candidateVersion, String activeVersion, long reports, long changed, long elapsedMillis,
        Map<String, Map<String, Long>> matrix, Page<Change> changes, List<RulesetException.Error> scenarioFailures) {

    /** A report whose verdict the candidate would change. */
    public record Change(String id, String externalId, String from, String to, String fromRulesetVersion) {
    }
}
