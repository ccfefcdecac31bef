package io.trucewatch.evaluation;

import io.trucewatch.actors.Actor;
import io.trucewatch.evaluation.facts.AirForcesOver;
import io.trucewatch.evaluation.facts.Involvement;
import io.trucewatch.evaluation.facts.LineDistance;
import io.trucewatch.evaluation.facts.MonitorQualification;
import io.trucewatch.evaluation.facts.Occurrence;
import io.trucewatch.evaluation.facts.PlaceControl;
import io.trucewatch.evaluation.facts.Report;
import io.trucewatch.evaluation.facts.Role;
import io.trucewatch.evaluation.facts.TruceScope;
import io.trucewatch.evaluation.facts.WeaponSite;
import io.trucewatch.evaluation.facts.WeaponZone;
import io.trucewatch.incidents.IncidentReport;
import io.trucewatch.rulesets.Terms;
import io.trucewatch.territory.ControlFile;
import io.trucewatch.territory.Geodesy;
import io.trucewatch.territory.Placement;
import io.trucewatch.truces.ActorStanding;
import io.trucewatch.truces.Standing;
import io.trucewatch.truces.Truce;
import io.trucewatch.truces.TruceTerms;
import io.trucewatch.weapons.WeaponReading;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a report into the facts one truce's rules reason over. It looks things up (actors,
 * standing, weapon, who held the place) but decides nothing: the verdict is the rules' alone.
 */
public final class FactBuilder {

    private FactBuilder() {
    }

    /** The weapon class of air strikes (config/weapons.yaml), and ACLED's sub-event type for them. */
    private static final String AERIAL = "aerial";
    private static final String AIR_STRIKE = "Air/drone strike";

    static List<Object> facts(ReportReading reading, Terms terms, Truce truce) {
        IncidentReport report = reading.report();
        Occurrence occurrence = occurrence(report, truce);
        Instant at = occurrence.earliest();
        Placement placement = reading.placedAt(heldBefore(report, at));
        List<Object> facts = new ArrayList<>();
        TruceTerms own = truce.terms();
        facts.add(new TruceScope(truce.id(), own.title(), truce.startsAt(), truce.endsAt(), truce.countries(),
                own.timeZone(), truce.startText(), truce.endText(), own.everyArmedActorIsBound(), truce.endReason()));
        facts.add(occurrence);
        List<Involvement> involvements = new ArrayList<>();
        for (ResolvedActor named : reading.actors()) {
            involvements.add(involvement(named, terms, truce, at));
        }
        facts.add(report(report, reading, placement, involvements));
        facts.addAll(involvements);
        if (placement.hasController()) {
            facts.add(placeControl(placement, terms, truce, at));
        }
        if (reading.weapon().classes().contains(AERIAL) || AIR_STRIKE.equals(report.subEventType())) {
            airForcesOver(report, occurrence, terms, truce).ifPresent(facts::add);
        }
        if (report.latitude() != null && report.longitude() != null) {
            for (TruceTerms.ReferenceLine line : truce.terms().referenceLines()) {
                facts.add(new LineDistance(line.id(), line.title(),
                        Geodesy.distanceKm(truce.lines().get(line.id()), report.latitude(), report.longitude())));
            }
        }
        for (TruceTerms.WithdrawalZone zone : truce.terms().withdrawalZones()) {
            boolean superseded = zone.supersededFrom() != null
                    && !at.isBefore(zone.supersededFrom().atZone(truce.zone()).toInstant());
            if (!superseded) {
                facts.add(weaponZone(zone, truce.zone()));
            }
        }
        for (TruceTerms.MonitorQualification qualification : own.monitorQualifications()) {
            String phrase = qualification.phrases().firstIn(reading.weaponAndNotes());
            if (phrase != null) {
                facts.add(new MonitorQualification(qualification.id(), qualification.clause(), qualification.title(), phrase));
            }
        }
        for (TruceTerms.WeaponSite site : own.weaponSites()) {
            String named = site.names().firstIn(reading.placeAndWeapon());
            if (named != null) {
                boolean missing = site.missing().firstIn(reading.placeWeaponAndNotes()) != null;
                facts.add(new WeaponSite(site.id(), site.clause(), site.title(), named, missing));
            }
        }
        return facts;
    }

    /**
     * When to ask who held the place: at the act, except for a transfer of territory, whose map
     * entry already names the new holder from the day of the transfer: there, the day before.
     */
    private static Instant heldBefore(IncidentReport report, Instant at) {
        boolean transfer = "Government regains territory".equals(report.subEventType())
                || "Non-state actor overtakes territory".equals(report.subEventType());
        return transfer ? at.minus(Duration.ofDays(1)) : at;
    }

    /**
     * The span of time the act can have happened in, in the truce's own time zone, cut at the
     * truce's start or end where the span includes it and the report's notes say on which side the
     * act fell ({@link ReportedTiming}).
     */
    public static Occurrence occurrence(IncidentReport report, Truce truce) {
        Occurrence dated = occurrence(report, truce.zone());
        if (report.occurredAt() != null) {
            return dated;
        }
        TruceTerms.MomentWords words = truce.terms().momentWords();
        Instant start = truce.startsAt();
        if (dated.straddles(start)) {
            Optional<ReportedTiming.Reading> said = ReportedTiming.ofStart(report.notes(), words.start());
            if (said.isPresent()) {
                return cutAt(dated, start, said.get());
            }
        }
        Instant end = truce.endsAt();
        if (dated.straddles(end)) {
            Optional<ReportedTiming.Reading> said = ReportedTiming.ofEnd(report.notes(), words.end());
            if (said.isPresent()) {
                return cutAt(dated, end, said.get());
            }
        }
        return dated;
    }

    private static Occurrence cutAt(Occurrence dated, Instant moment, ReportedTiming.Reading said) {
        return said.side() == ReportedTiming.Side.BEFORE
                ? new Occurrence(dated.earliest(), moment.minusNanos(1), dated.precision(), said.words())
                : new Occurrence(moment, dated.latest(), dated.precision(), said.words());
    }

    /** The span of time the date and its precision allow, in the given time zone. */
    static Occurrence occurrence(IncidentReport report, ZoneId zone) {
        if (report.occurredAt() != null) {
            return new Occurrence(report.occurredAt(), report.occurredAt(), "instant");
        }
        LocalDate day = report.eventDate();
        int precision = report.timePrecision() == null ? 1 : report.timePrecision();
        // ACLED: 2 = known to within a week around the date given, 3 = known to the month.
        LocalDate first = switch (precision) {
            case 2 -> day.minusDays(3);
            case 3 -> day.withDayOfMonth(1);
            default -> day;
        };
        LocalDate afterLast = switch (precision) {
            case 2 -> day.plusDays(4);
            case 3 -> day.withDayOfMonth(1).plusMonths(1);
            default -> day.plusDays(1);
        };
        String label = precision == 2 ? "week" : precision == 3 ? "month" : "day";
        return new Occurrence(first.atStartOfDay(zone).toInstant(),
                afterLast.atStartOfDay(zone).toInstant().minusNanos(1), label);
    }

    /**
     * The report as the rules see it. Civilians are named where the report says it targeted them or
     * where they are among those it was done to (an involvement of standing CIVILIANS, however it was
     * written): one notion, decided here, which the rules read as {@code civiliansNamed}.
     */
    private static Report report(IncidentReport r, ReportReading reading, Placement placement, List<Involvement> involvements) {
        WeaponReading weapon = reading.weapon();
        boolean civiliansAmongTargets = involvements.stream()
                .anyMatch(i -> !i.perpetrator() && i.standing() == Standing.CIVILIANS);
        return new Report(r.eventType(), r.subEventType(), Boolean.TRUE.equals(r.civilianTargeting()), r.weapon(),
                weapon.id(), Set.copyOf(weapon.classes()), weapon.calibreMm(),
                placement.country(), r.admin1(), r.location(), r.fatalities(),
                civiliansAmongTargets || Boolean.TRUE.equals(r.civilianTargeting()), reading.attackByActor1());
    }

    private static Involvement involvement(ResolvedActor named, Terms terms, Truce truce, Instant at) {
        Role role = Role.valueOf(named.role().toUpperCase(Locale.ROOT));
        if (named.namesAlternatives()) {
            return alternatives(named, role, terms, truce, at);
        }
        Optional<Actor> actor = Optional.ofNullable(named.actorId()).flatMap(terms.actors()::byId);
        ActorStanding standing = truce.standingOf(actor, at);
        String note = standing.note();
        if (!named.resolved() && !named.nearest().isEmpty()) {
            note = note + "; nearest known names: " + String.join(", ", named.nearest());
        }
        return new Involvement(role, role.perpetrator(), named.asWritten(), named.actorId(), named.actorName(),
                standing.standing(), standing.party(), standing.side(), standing.sides(), standing.exempt(), note);
    }

    /**
     * "Russian or Syrian regime jets": if every alternative stands alike towards the truce (same
     * standing, same side, same exemption), the report says enough to judge the act, though not to
     * name the party: the involvement carries the alternatives' names and no party, so a violation
     * is found with its party left to review. Alternatives that stand differently cannot be judged
     * as one: the name is then as good as unresolved, and the note says why.
     */
    private static Involvement alternatives(ResolvedActor named, Role role, Terms terms, Truce truce, Instant at) {
        List<ActorStanding> standings = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ResolvedActor.Alternative alternative : named.alternatives()) {
            ActorStanding standing = truce.standingOf(terms.actors().byId(alternative.actorId()), at);
            standings.add(standing);
            names.add(standing.party() != null ? standing.party() : alternative.actorName());
        }
        ActorStanding first = standings.get(0);
        boolean alike = standings.stream().allMatch(s -> s.standing() == first.standing()
                && s.sides().equals(first.sides()));
        // Exempt only if every one of them is: the exemption covers action against excluded groups
        // alone, and a bound actor without it acting against them is answered by the rules all the
        // same, so parties of one side that differ only in it ("regime and Hezbollah forces") stand alike.
        boolean exempt = standings.stream().allMatch(ActorStanding::exempt);
        String either = String.join(" or ", names.stream().distinct().toList());
        if (!alike) {
            // Armed actors that stand differently (a party and a non-party): whether the act bound
            // its author is disputed. Where an excluded group or an unknown name is among them, the
            // report does not say enough even for that.
            boolean armed = standings.stream().allMatch(s -> s.standing() == Standing.BOUND
                    || s.standing() == Standing.NOT_PARTY || s.standing() == Standing.DISPUTED);
            String why = "one of " + either + ", which stand differently towards the truce, and the report does not say which";
            return new Involvement(role, role.perpetrator(), named.asWritten(), null, either,
                    armed ? Standing.DISPUTED : Standing.UNRESOLVED, null, null, Set.of(), false, why);
        }
        return new Involvement(role, role.perpetrator(), named.asWritten(), null, either, first.standing(), null,
                first.side(), first.sides(), exempt, "one of " + either + ", the report does not say which");
    }

    /**
     * Every air force the map says struck where and when the report places the act, by its standing
     * towards this truce on the day the act can first have happened.
     */
    private static Optional<AirForcesOver> airForcesOver(IncidentReport report, Occurrence occurrence, Terms terms,
            Truce truce) {
        List<String> ids = terms.control().airForcesOver(report.country(), report.admin1(), occurrence.earliest(),
                occurrence.latest());
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        List<String> exempt = new ArrayList<>();
        List<String> notBound = new ArrayList<>();
        List<String> bound = new ArrayList<>();
        List<String> other = new ArrayList<>();
        Set<String> sides = new HashSet<>();
        boolean allBound = true;
        for (String id : ids) {
            Optional<Actor> actor = terms.actors().byId(id);
            ActorStanding standing = truce.standingOf(actor, occurrence.earliest());
            String name = standing.party() != null ? standing.party() : actor.map(Actor::name).orElse(id);
            sides.addAll(standing.sides());
            allBound &= standing.exempt() || standing.standing() == Standing.BOUND;
            if (standing.exempt()) {
                exempt.add(name);
            } else if (standing.standing() == Standing.NOT_PARTY) {
                notBound.add(name);
            } else if (standing.standing() == Standing.BOUND || standing.standing() == Standing.DISPUTED) {
                bound.add(name);
            } else {
                other.add(name + " (" + standing.standing().name().toLowerCase(Locale.ROOT) + ")");
            }
        }
        String where = terms.control().governorate(report.country(), report.admin1());
        return Optional.of(new AirForcesOver(where != null ? where : report.country(), exempt, notBound, bound, other,
                sides, allBound));
    }

    private static WeaponZone weaponZone(TruceTerms.WithdrawalZone zone, ZoneId local) {
        Instant completeBy = zone.completeBy().atZone(local).toInstant();
        Instant earliest = zone.completeByEarliest() == null ? completeBy : zone.completeByEarliest().atZone(local).toInstant();
        return new WeaponZone(zone.id(), zone.clause(), zone.title(), Set.copyOf(zone.weaponClasses()),
                zone.minCalibreMm(), zone.maxCalibreMm(), zone.distanceKm(), zone.fromLines(), completeBy, earliest);
    }

    private static PlaceControl placeControl(Placement placement, Terms terms, Truce truce, Instant at) {
        ControlFile.Period period = placement.period();
        String controllerId = period.controller();
        Optional<Actor> controller = terms.actors().byId(controllerId);
        List<Optional<Actor>> alongside = period.alongside().stream().map(terms.actors()::byId).toList();
        ActorStanding standing = ControlFile.CONTESTED.equals(controllerId)
                ? ActorStanding.of(Standing.DISPUTED, "no single side held it" + (period.note() == null ? "" : ": " + period.note()))
                : truce.standingOfHolding(controller, alongside, at);
        String holderName = period.holderName(id -> terms.actors().byId(id).map(Actor::name).orElse(id));
        return new PlaceControl(placement.placeId(), placement.placeName(), controllerId,
                holderName, standing.standing(), standing.party(),
                standing.side(), standing.sides(), placement.matchedBy(), placement.how(), period.from(), period.source(),
                standing.note());
    }
}
