package io.trucewatch.truces;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A truce's terms about actors (excluded, disputed, parties, exemptions) keyed by actor, their
 * bounds already instants in the truce's zone. Standing is asked for every actor of every report,
 * and once per air force that may have flown an unattributed strike: scanning the term lists and
 * converting their local bounds on each question profiled as most of the cost of standing. The
 * answers are the lists' own: within each actor's entries, the terms' order is kept, so the first
 * term the lists give still wins.
 */
final class ActorTermIndex {

    /** A term with its bounds as instants; a null bound is open. */
    private record Dated<T>(T term, Instant from, Instant until) {
        boolean covers(Instant at) {
            return (from == null || !at.isBefore(from)) && (until == null || at.isBefore(until));
        }
    }

    private final Map<String, List<Dated<TruceTerms.ActorTerm>>> excluded;
    private final Map<String, List<Dated<TruceTerms.ActorTerm>>> disputed;
    private final Map<String, List<Dated<TruceTerms.Party>>> parties;
    private final Set<String> exempt;

    ActorTermIndex(TruceTerms terms, ZoneId zone) {
        this.excluded = byActor(terms.excluded(), zone);
        this.disputed = byActor(terms.disputed(), zone);
        Map<String, List<Dated<TruceTerms.Party>>> byActor = new HashMap<>();
        for (TruceTerms.Party party : terms.parties()) {
            Dated<TruceTerms.Party> dated = new Dated<>(party, instant(party.boundFrom(), zone),
                    instant(party.boundUntil(), zone));
            for (String actor : party.actors()) {
                byActor.computeIfAbsent(actor, a -> new ArrayList<>()).add(dated);
            }
        }
        this.parties = freeze(byActor);
        Set<String> exemptActors = new HashSet<>();
        terms.exemptions().forEach(exemption -> exemptActors.addAll(exemption.actors()));
        this.exempt = Set.copyOf(exemptActors);
    }

    Optional<TruceTerms.ActorTerm> excluded(String actorId, Instant at) {
        return first(excluded, actorId, at);
    }

    Optional<TruceTerms.ActorTerm> disputed(String actorId, Instant at) {
        return first(disputed, actorId, at);
    }

    /** The first party of the terms that binds the actor at that instant. */
    Optional<TruceTerms.Party> party(String actorId, Instant at) {
        return first(parties, actorId, at);
    }

    /** Whether any exemption of the terms names the actor (exemptions are not dated). */
    boolean exempt(String actorId) {
        return exempt.contains(actorId);
    }

    private static <T> Optional<T> first(Map<String, List<Dated<T>>> index, String actorId, Instant at) {
        for (Dated<T> dated : index.getOrDefault(actorId, List.of())) {
            if (dated.covers(at)) {
                return Optional.of(dated.term());
            }
        }
        return Optional.empty();
    }

    private static Map<String, List<Dated<TruceTerms.ActorTerm>>> byActor(List<TruceTerms.ActorTerm> terms, ZoneId zone) {
        Map<String, List<Dated<TruceTerms.ActorTerm>>> byActor = new HashMap<>();
        for (TruceTerms.ActorTerm term : terms) {
            byActor.computeIfAbsent(term.actor(), a -> new ArrayList<>())
                    .add(new Dated<>(term, instant(term.from(), zone), instant(term.until(), zone)));
        }
        return freeze(byActor);
    }

    private static <T> Map<String, List<Dated<T>>> freeze(Map<String, List<Dated<T>>> byActor) {
        Map<String, List<Dated<T>>> frozen = new HashMap<>();
        byActor.forEach((actor, list) -> frozen.put(actor, List.copyOf(list)));
        return Map.copyOf(frozen);
    }

    private static Instant instant(LocalDateTime local, ZoneId zone) {
        return local == null ? null : local.atZone(zone).toInstant();
    }
}
