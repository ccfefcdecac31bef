package io.trucewatch.evaluation;

import io.trucewatch.actors.Phrases;
import io.trucewatch.incidents.IncidentReport;
import io.trucewatch.rulesets.Terms;
import io.trucewatch.territory.Placement;
import io.trucewatch.weapons.WeaponReading;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a report says whatever truce judges it, read once per report rather than once per truce:
 * its actors, its weapon, whether its notes say actor1 attacked, and where it happened (placed once
 * for each instant a truce asks about: truces in one time zone ask about the same one).
 */
final class ReportReading {

    private final IncidentReport report;
    private final List<ResolvedActor> actors;
    private final Terms terms;
    private final WeaponReading weapon;
    private final String attackByActor1;
    private final Map<Instant, Placement> placements = new HashMap<>(4);
    /** The report's texts keyed for configured phrase lists, each keyed on first use (only Minsk II has such lists). */
    private Phrases.Text weaponAndNotes;
    private Phrases.Text placeAndWeapon;
    private Phrases.Text placeWeaponAndNotes;

    ReportReading(IncidentReport report, List<ResolvedActor> actors, Terms terms) {
        this.report = report;
        this.actors = actors;
        this.terms = terms;
        this.weapon = terms.weapons().read(report.weapon());
        this.attackByActor1 = AttackNarrative.attackByActor1(report.notes(), actors, terms.actors().in(report.country())).orElse(null);
    }

    IncidentReport report() {
        return report;
    }

    List<ResolvedActor> actors() {
        return actors;
    }

    WeaponReading weapon() {
        return weapon;
    }

    /** The words of the notes that say actor1 attacked ({@link AttackNarrative}); null where they do not. */
    String attackByActor1() {
        return attackByActor1;
    }

    /** The weapon and notes, keyed for phrases the monitors qualify acts with. */
    Phrases.Text weaponAndNotes() {
        if (weaponAndNotes == null) {
            weaponAndNotes = Phrases.text(report.weapon(), report.notes());
        }
        return weaponAndNotes;
    }

    /** The place and weapon, keyed for the names of weapon sites. */
    Phrases.Text placeAndWeapon() {
        if (placeAndWeapon == null) {
            placeAndWeapon = Phrases.text(report.location(), report.weapon());
        }
        return placeAndWeapon;
    }

    /** The place, weapon and notes, keyed for phrases saying weapons were missing from a site. */
    Phrases.Text placeWeaponAndNotes() {
        if (placeWeaponAndNotes == null) {
            placeWeaponAndNotes = Phrases.text(report.location(), report.weapon(), report.notes());
        }
        return placeWeaponAndNotes;
    }

    /** Where the report was placed on the control map as of {@code at}. */
    Placement placedAt(Instant at) {
        return placements.computeIfAbsent(at, instant -> terms.control().place(report.country(), report.admin1(),
                report.admin2(), report.location(), report.latitude(), report.longitude(), report.geoPrecision(), instant));
    }
}
