package io.trucewatch.evaluation.facts;

/** The columns of a report that name an actor (ACLED's). */
public enum Role {
    ACTOR1, ASSOC_ACTOR_1, ACTOR2, ASSOC_ACTOR_2;

    /** actor1 and those beside it did the act; actor2 and those beside it had it done to them. */
    public boolean perpetrator() {
        return this == ACTOR1 || this == ASSOC_ACTOR_1;
    }
}
