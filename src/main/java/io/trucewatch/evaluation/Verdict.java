package io.trucewatch.evaluation;

/** Verdicts from most to least severe (CONTRACT §2); declaration order is severity order. */
public enum Verdict {
    PROBABLE_VIOLATION,
    NEEDS_REVIEW,
    NOT_A_VIOLATION,
    OUT_OF_SCOPE;

    public boolean moreSevereThan(Verdict other) {
        return other == null || ordinal() < other.ordinal();
    }

    public static Verdict mostSevere(Iterable<Verdict> verdicts) {
        Verdict worst = null;
        for (Verdict v : verdicts) {
            if (v.moreSevereThan(worst)) {
                worst = v;
            }
        }
        return worst;
    }
}
