package io.trucewatch.truces;

import io.trucewatch.actors.Actor;
import io.trucewatch.actors.ActorRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/** A truce's terms joined to the actor registry: answers who stands where, and when. */
public final class Truce {

    /** How many umbrellas up a membership is followed (brigade, division, umbrella, alliance). */
    private static final int MAX_UMBRELLA_DEPTH = 4;

    private final TruceTerms terms;
    private final ActorRegistry actors;
    private final ZoneId zone;

    private final Map<String, Geometry> lines;
    /** The terms' start and end as instants and as explanations quote them, and the countries: once, not per report. */
    private final Instant startsAt;
    private final Instant endsAt;
    private final String startText;
    private final String endText;
    private final Set<String> countries;
    private final ActorTermIndex actorTerms;

    public Truce(TruceTerms terms, ActorRegistry actors) {
        this(terms, actors, Map.of());
    }

    /** With the geometry of each of the terms' reference lines, by line id. */
    public Truce(TruceTerms terms, ActorRegistry actors, Map<String, Geometry> lines) {
        this.terms = terms;
        this.actors = actors;
        this.zone = terms.zone();
        this.lines = Map.copyOf(lines);
        this.startsAt = terms.startsAt();
        this.endsAt = terms.endsAt();
        this.startText = terms.startText();
        this.endText = terms.endText();
        this.countries = Set.copyOf(terms.scope().countries());
        this.actorTerms = new ActorTermIndex(terms);
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    /** Why the truce is taken to end when it does, where no party declared it over; null otherwise. */
    public String endReason() {
        return terms.endBasis() == null ? null : terms.endBasis().reason();
    }

    public Set<String> countries() {
        return countries;
    }

    public String startText() {
        return startText;
    }

    public String endText() {
        return endText;
    }

    /** Reference lines (longitude/latitude), by id. */
    public Map<String, Geometry> lines() {
        return lines;
    }

    public TruceTerms terms() {
        return terms;
    }

    public String id() {
        return terms.id();
    }

    public ZoneId zone() {
        return zone;
    }

    public ActorStanding standingOf(Optional<Actor> resolved, Instant at) {
        return standingOf(resolved, at, 0);
    }

    /**
     * The standing of ground held by {@code holder} with {@code alongside} fighting in it. As for a
     * coalition: excluded groups beside others make the ground MIXED (the others' sides); otherwise
     * the holder's standing decides. The note is said of the ground ("X held it with …"), as
     * explanations of an act there quote it.
     */
    public ActorStanding standingOfHolding(Optional<Actor> holder, List<Optional<Actor>> alongside, Instant at) {
        ActorStanding held = groundStandingOf(holder, at);
        if (alongside.isEmpty() && held.standing() == Standing.DISPUTED && held.note() != null) {
            // The truce's reason is written about the actor ("Signed the joint statement …").
            return new ActorStanding(held.standing(), held.party(), held.sides(), held.exempt(),
                    holder.map(Actor::name).orElse("an unknown actor") + "'s standing towards this truce is disputed: "
                            + held.note());
        }
        if (alongside.isEmpty() || held.standing() == Standing.MIXED) {
            return held;
        }
        List<String> excludedNames = new ArrayList<>();
        List<String> disputedNames = new ArrayList<>();
        List<String> otherNames = new ArrayList<>();
        Set<String> otherSides = new LinkedHashSet<>();
        for (Optional<Actor> beside : alongside) {
            ActorStanding standing = groundStandingOf(beside, at);
            String name = beside.map(Actor::name).orElse("an unknown actor");
            if (standing.standing() == Standing.EXCLUDED) {
                excludedNames.add(name);
            } else {
                otherNames.add(name);
                otherSides.addAll(standing.sides());
                if (standing.standing() == Standing.DISPUTED) {
                    disputedNames.add(name);
                }
            }
        }
        String holderName = holder.map(Actor::name).orElse("an unknown actor");
        if (held.standing() == Standing.EXCLUDED && !otherNames.isEmpty()) {
            return new ActorStanding(Standing.MIXED, null, otherSides, held.exempt(), "excluded " + holderName
                    + " held it with " + String.join(", ", otherNames) + " alongside");
        }
        if (held.standing() != Standing.EXCLUDED && !excludedNames.isEmpty()) {
            return new ActorStanding(Standing.MIXED, null, held.sides(), held.exempt(), holderName + " held it with excluded "
                    + String.join(", ", excludedNames) + " fighting alongside");
        }
        if (held.standing() == Standing.BOUND && !disputedNames.isEmpty()) {
            // A party's ground shared with an actor whose standing the record leaves open: an act
            // there may have been against either, so the holding is as disputed as that actor.
            return new ActorStanding(Standing.DISPUTED, null, held.sides(), held.exempt(), holderName + " held it with "
                    + String.join(", ", disputedNames) + " alongside, whose standing towards the truce is disputed");
        }
        return held;
    }

    /**
     * The standing of the ground an actor held: its own, except for a disputed actor whose ground
     * monitors counted as a side's (its term's {@code ground}), which holds that side's ground.
     */
    private ActorStanding groundStandingOf(Optional<Actor> holder, Instant at) {
        ActorStanding own = standingOf(holder, at);
        if (own.standing() != Standing.DISPUTED || holder.isEmpty()) {
            return own;
        }
        Optional<TruceTerms.CoveredGround> covered = actorTerms.disputed(holder.get().id(), at)
                .map(TruceTerms.ActorTerm::ground);
        return covered.map(ground -> new ActorStanding(Standing.BOUND, holder.get().name(), Set.of(ground.side()), own.exempt(),
                holder.get().name() + "'s own standing towards this truce is disputed, but monitors counted attacks on ground it held "
                        + "as breaches: " + ground.reason())).orElse(own);
    }

    private ActorStanding standingOf(Optional<Actor> resolved, Instant at, int depth) {
        if (resolved.isEmpty()) {
            return ActorStanding.of(Standing.UNRESOLVED, "the name is not in the actor registry");
        }
        Actor actor = resolved.get();
        boolean exempt = actorTerms.exempt(actor.id());
        if (Actor.CIVILIANS.equals(actor.kind())) {
            return ActorStanding.of(Standing.CIVILIANS, null);
        }
        if (Actor.UNIDENTIFIED.equals(actor.kind())) {
            return ActorStanding.of(Standing.UNIDENTIFIED, "the reporter could not identify the group");
        }
        Optional<TruceTerms.ActorTerm> excluded = actorTerms.excluded(actor.id(), at);
        if (excluded.isPresent()) {
            return new ActorStanding(Standing.EXCLUDED, null, Set.of(), exempt, excluded.get().reason());
        }
        Optional<TruceTerms.ActorTerm> disputed = actorTerms.disputed(actor.id(), at);
        if (disputed.isPresent()) {
            return new ActorStanding(Standing.DISPUTED, null, Set.of(), exempt, disputed.get().reason());
        }
        Optional<TruceTerms.Party> party = actorTerms.party(actor.id(), at);
        if (party.isPresent()) {
            return new ActorStanding(Standing.BOUND, party.get().name(), Set.of(party.get().side()), exempt, null);
        }
        Optional<ActorStanding> asMember = umbrellaStanding(actor, at, exempt, depth);
        if (asMember.isPresent()) {
            return asMember.get();
        }
        if (actor.isCoalition()) {
            return coalitionStanding(actor, at, exempt, depth);
        }
        return new ActorStanding(Standing.NOT_PARTY, null, Set.of(), exempt,
                "neither bound nor excluded by the truce");
    }

    /**
     * The standing of the umbrella the actor belonged to on the day of the act, when the truce
     * names the umbrella and not the actor (a Southern Front brigade, a Euphrates Shield faction).
     * The first membership whose umbrella the truce decides wins; memberships are followed a few
     * levels up at most, so a cycle in the registry cannot loop.
     */
    private Optional<ActorStanding> umbrellaStanding(Actor actor, Instant at, boolean exempt, int depth) {
        if (depth >= MAX_UMBRELLA_DEPTH) {
            return Optional.empty();
        }
        LocalDate day = at.atZone(zone).toLocalDate();
        ActorStanding exemptUmbrella = null;
        for (Actor.Membership membership : actor.memberOf()) {
            Optional<Actor> umbrella = actors.byId(membership.actor());
            if (umbrella.isEmpty() || !membership.covers(day)) {
                continue;
            }
            ActorStanding standing = standingOf(umbrella, at, depth + 1);
            String note = "a member of " + umbrella.get().name() + (standing.note() == null ? "" : ": " + standing.note());
            if (standing.standing() != Standing.NOT_PARTY && standing.standing() != Standing.UNRESOLVED) {
                return Optional.of(new ActorStanding(standing.standing(), standing.party(), standing.sides(),
                        exempt || standing.exempt(), note));
            }
            if (standing.exempt() && exemptUmbrella == null) {
                // Not a party, but exempt through its umbrella (a coalition member striking IS).
                exemptUmbrella = new ActorStanding(Standing.NOT_PARTY, null, Set.of(), true, note);
            }
        }
        return Optional.ofNullable(exemptUmbrella);
    }

    /** A coalition counts as MIXED when excluded groups fight in it beside others. */
    private ActorStanding coalitionStanding(Actor coalition, Instant at, boolean exempt, int depth) {
        List<String> excludedMembers = new ArrayList<>();
        List<String> otherMembers = new ArrayList<>();
        Set<String> sides = new LinkedHashSet<>();
        for (String memberId : coalition.members()) {
            ActorStanding member = depth >= MAX_UMBRELLA_DEPTH ? ActorStanding.of(Standing.NOT_PARTY, null)
                    : standingOf(actors.byId(memberId), at, depth + 1);
            String name = actors.byId(memberId).map(Actor::name).orElse(memberId);
            if (member.standing() == Standing.EXCLUDED) {
                excludedMembers.add(name);
            } else {
                otherMembers.add(name);
                sides.addAll(member.sides());
            }
        }
        if (!excludedMembers.isEmpty() && !otherMembers.isEmpty()) {
            return new ActorStanding(Standing.MIXED, null, sides, exempt, coalition.name() + " joins excluded "
                    + String.join(", ", excludedMembers) + " with " + String.join(", ", otherMembers));
        }
        if (!excludedMembers.isEmpty()) {
            return new ActorStanding(Standing.EXCLUDED, null, Set.of(), exempt, "all its members are excluded");
        }
        return new ActorStanding(Standing.NOT_PARTY, null, sides, exempt,
                "a coalition the truce does not name; its members' standing decides");
    }
}
