package io.trucewatch.corroboration;

/**
 * How far an event is corroborated, from the number of independent sources that report it (the
 * convention of this service, stated in the README: each further source that is not the same
 * source again makes an error of fact less likely; the count, not a probability, is what is known).
 */
public enum Confidence {
    /** No report names a source. */
    UNSOURCED,
    /** One source, however many reports of it. */
    SINGLE_SOURCE,
    /** Two independent sources. */
    CORROBORATED,
    /** Three or more. */
    WELL_CORROBORATED;

    public static Confidence of(int independentSources) {
        return independentSources <= 0 ? UNSOURCED : independentSources == 1 ? SINGLE_SOURCE
                : independentSources == 2 ? CORROBORATED : WELL_CORROBORATED;
    }
}
