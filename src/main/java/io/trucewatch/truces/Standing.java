package io.trucewatch.truces;

/** Where an actor stands towards one truce at one instant. The rules reason over these. */
public enum Standing {
    /** A party that accepted the truce and is bound by it. */
    BOUND,
    /** Named by the truce as outside it (e.g. designated terrorist groups). */
    EXCLUDED,
    /** The public record does not settle whether it is bound: a human must decide. */
    DISPUTED,
    /** A coalition whose members include both excluded groups and others. */
    MIXED,
    /** Civilians: protected, never a party. */
    CIVILIANS,
    /** Known to the registry as "unidentified armed group": attribution unknown. */
    UNIDENTIFIED,
    /** A known actor the truce neither binds nor excludes (e.g. a foreign army). */
    NOT_PARTY,
    /** The name did not resolve to any actor in the registry. */
    UNRESOLVED
}
