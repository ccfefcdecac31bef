package io.trucewatch.evaluation.facts;

/**
 * How far the reported position is from one of the truce's reference lines, in kilometres on the
 * Earth's surface. Only present when the report gives coordinates.
 */
public record LineDistance(String line, String title, double km) {
}
