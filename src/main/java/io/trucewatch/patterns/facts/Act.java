package io.trucewatch.patterns.facts;

import io.trucewatch.evaluation.Verdict;
import java.util.Set;

/**
 * One judged report as the pattern rules see it: an event at its event time, for one truce and one
 * acting party. A report whose act several bound parties did together is one Act per party; a
 * report with no bound party acting is one Act with {@code party} null.
 *
 * @param incidentId     the report
 * @param version        the version of the report read
 * @param reviewStatus   the report's review status when it was read (it decides {@code charged})
 * @param truce          the truce it was judged against
 * @param at             event time, epoch milliseconds (an instant, or the start of the day in the
 *                       truce's time zone for a report dated to the day)
 * @param party          the bound party that acted, by the truce's name for it, or null
 * @param besideExcluded whether a group the truce excludes acted with it
 * @param area           where, at the first administrative level (governorate, oblast)
 * @param weapon         the registry's weapon id, or null
 * @param weaponClasses  the weapon's classes ("indiscriminate", "artillery"…)
 * @param verdict        the truce's verdict on the report
 * @param charged        the verdict, or an auditor's confirmation, names this party as violating
 *                       the truce (and no auditor dismissed it)
 * @param firedRules     the truce's rules that fired on the report
 */
public record Act(String incidentId, int version, String reviewStatus, String truce, long at, String party, boolean besideExcluded, String area,
        String weapon, Set<String> weaponClasses, Verdict verdict, boolean charged, Set<String> firedRules) {

    public Act {
        weaponClasses = weaponClasses == null ? Set.of() : Set.copyOf(weaponClasses);
        firedRules = firedRules == null ? Set.of() : Set.copyOf(firedRules);
    }

    /** A hostile act, in the truce's scope, that the truce's rules did not clear. */
    public boolean contested() {
        return verdict == Verdict.PROBABLE_VIOLATION || verdict == Verdict.NEEDS_REVIEW;
    }

    public boolean hasWeaponClass(String weaponClass) {
        return weaponClasses.contains(weaponClass);
    }

    public boolean fired(String rule) {
        return firedRules.contains(rule);
    }
}
