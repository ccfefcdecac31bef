package io.trucewatch.reevaluation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A stored verdict judged again: under the ruleset version that produced it (recompiled from the
 * stored files) and under the version in service now.
 *
 * @param reproduced  the original version gives byte-for-byte the evaluation that was stored
 * @param changedToday the version in service would decide differently (verdict or findings)
 */
public record Replay(String incidentId, int version, Judgement stored, Judgement underOriginal,
        Judgement underActive, boolean reproduced, boolean changedToday) {

    public record Judgement(String rulesetVersion, String verdict, JsonNode evaluations) {
    }
}
