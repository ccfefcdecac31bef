package io.trucewatch.patterns;

import com.fasterxml.jackson.databind.JsonNode;
import io.trucewatch.audit.CanonicalJson;
import io.trucewatch.evaluation.FactBuilder;
import io.trucewatch.evaluation.Verdict;
import io.trucewatch.evaluation.facts.Occurrence;
import io.trucewatch.evaluation.facts.Role;
import io.trucewatch.incidents.IncidentReport;
import io.trucewatch.incidents.ReviewStatus;
import io.trucewatch.incidents.StoredReports;
import io.trucewatch.patterns.facts.Act;
import io.trucewatch.rulesets.Terms;
import io.trucewatch.truces.ActorStanding;
import io.trucewatch.truces.Standing;
import io.trucewatch.truces.Truce;
import io.trucewatch.weapons.WeaponReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A stored, judged report read as the acts pattern rules count: one per truce whose verdict it is
 * in scope of and per bound party that acted (actor1 and its associates). What is counted and what
 * is not, and why:
 * <ul>
 * <li>out of a truce's scope (before, after, elsewhere): not an act of that truce;</li>
 * <li>dismissed by an auditor: not counted (a person found the flag wrong);</li>
 * <li>dated only to the week or month: not counted (it cannot be put in a window of hours);</li>
 * <li>no bound party acted (an excluded group alone, an unidentified group): no party to count
 * it against.</li>
 * </ul>
 * A pure function of the stored report, its evaluation, its review status and the terms.
 */
public final class ActReading {

    private ActReading() {
    }

    /** A report as stored: what acts are read from. */
    public record StoredJudgement(String incidentId, int version, String reportJson, String evaluationJson, String reviewStatus) {
    }

    public static List<Act> acts(StoredJudgement stored, Terms terms) {
        if (ReviewStatus.DISMISSED.name().equals(stored.reviewStatus())) {
            return List.of();
        }
        IncidentReport report = StoredReports.report(stored.reportJson());
        JsonNode resolved = CanonicalJson.parse(stored.reportJson()).path("resolved_actors");
        JsonNode evaluations = CanonicalJson.parse(stored.evaluationJson());
        WeaponReading weapon = terms.weapons().read(report.weapon());
        boolean confirmed = ReviewStatus.CONFIRMED.name().equals(stored.reviewStatus());
        List<Act> acts = new ArrayList<>();
        for (JsonNode evaluation : evaluations) {
            Truce truce = terms.truces().get(evaluation.path("truce").asText());
            Verdict verdict = Verdict.valueOf(evaluation.path("verdict").asText());
            if (truce == null || truce.terms().patterns().isEmpty() || verdict == Verdict.OUT_OF_SCOPE) {
                continue;
            }
            Occurrence occurrence = FactBuilder.occurrence(report, truce);
            if (!"instant".equals(occurrence.precision()) && !"day".equals(occurrence.precision())) {
                continue;
            }
            Instant at = occurrence.earliest();
            Set<String> violating = new HashSet<>();
            evaluation.path("violating_parties").forEach(p -> violating.add(p.asText()));
            Set<String> fired = new TreeSet<>();
            evaluation.path("fired_rules").forEach(r -> fired.add(r.asText()));
            Perpetrators perpetrators = perpetrators(resolved, terms, truce, at);
            Set<String> parties = new TreeSet<>(perpetrators.parties());
            parties.addAll(violating);
            for (String party : parties) {
                boolean charged = violating.contains(party) && (verdict == Verdict.PROBABLE_VIOLATION || confirmed);
                acts.add(new Act(stored.incidentId(), stored.version(), stored.reviewStatus(), truce.id(), at.toEpochMilli(), party, perpetrators.besideExcluded(),
                        terms.control().governorate(report.country(), report.admin1()), weapon.id(), Set.copyOf(weapon.classes()), verdict, charged, fired));
            }
        }
        return acts;
    }

    private record Perpetrators(Set<String> parties, boolean besideExcluded) {
    }

    /** The bound parties among actor1 and its associates, and whether an excluded group was with them. */
    private static Perpetrators perpetrators(JsonNode resolved, Terms terms, Truce truce, Instant at) {
        Set<String> parties = new TreeSet<>();
        boolean besideExcluded = false;
        for (JsonNode actor : resolved) {
            Role role = Role.valueOf(actor.path("role").asText().toUpperCase(Locale.ROOT));
            String actorId = actor.path("actor_id").asText(null);
            if (!role.perpetrator() || actorId == null) {
                continue;
            }
            ActorStanding standing = truce.standingOf(terms.actors().byId(actorId), at);
            if (standing.standing() == Standing.BOUND && standing.party() != null) {
                parties.add(standing.party());
            } else if (standing.standing() == Standing.EXCLUDED || standing.standing() == Standing.MIXED) {
                besideExcluded = true;
            }
        }
        return new Perpetrators(parties, besideExcluded);
    }

}
