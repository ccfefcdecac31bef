package io.trucewatch.patterns.facts;

/**
 * The threshold of one pattern, from the truce's terms in {@code config/}: at least
 * {@code atLeast} of what the rule counts within {@code windowMillis} of event time.
 * {@code weaponClass} is null when the pattern counts every weapon.
 */
public record PatternThreshold(String pattern, String title, int atLeast, long windowMillis,
        int windowHours, String weaponClass) {
}
