package io.trucewatch.evaluation.facts;

/**
 * The report places its weapons at one of the truce's weapon sites (config: {@code weapon_sites}),
 * a holding area or storage site where withdrawn weapons are kept and verified. The rules decide
 * what that means.
 *
 * @param named   the site's phrase as the report's place or weapon uses it
 * @param missing whether the report says weapons were not found there (its place, weapon or notes)
 */
public record WeaponSite(String id, String clause, String title, String named, boolean missing) {
}
