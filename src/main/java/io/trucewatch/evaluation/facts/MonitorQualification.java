package io.trucewatch.evaluation.facts;

/**
 * The report carries a monitoring mission's own qualification of what it saw (config:
 * {@code monitor_qualifications}), e.g. a weapon "in violation of the withdrawal lines".
 *
 * @param phrase the mission's wording as the report has it
 */
public record MonitorQualification(String id, String clause, String title, String phrase) {
}
