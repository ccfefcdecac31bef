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
import java.util.function.Function;

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

    ActorTermIndex(TruceTerms terms) {
        ZoneId zone = terms.zone();
        this.excluded = byActor(terms.excluded(), term -> List.of(term.actor()), TruceTerms.ActorTerm::from,
                TruceTerms.ActorTerm::until, zone);
        this.disputed = byActor(terms.disputed(), term -> List.of(term.actor()), TruceTerms.ActorTerm::from,
                TruceTerms.ActorTerm::until, zone);
        this.parties = byActor(terms.parties(), TruceTerms.Party::actors, TruceTerms.Party::boundFrom,
                TruceTerms.Party::boundUntil, zone);
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

    /** Each term under every actor it names, in the terms' order, with its bounds as instants. */
    private static <T> Map<String, List<Dated<T>>> byActor(List<T> terms, Function<T, List<String>> actors,
            Function<T, LocalDateTime> from, Function<T, LocalDateTime> until, ZoneId zone) {
        Map<String, List<Dated<T>>> byActor = new HashMap<>();
        for (T term : terms) {
            Dated<T> dated = new Dated<>(term, instant(from.apply(term), zone), instant(until.apply(term), zone));
            for (String actor : actors.apply(term)) {
                byActor.computeIfAbsent(actor, a -> new ArrayList<>()).add(dated);
            }
        }
        Map<String, List<Dated<T>>> frozen = new HashMap<>();
        byActor.forEach((actor, list) -> frozen.put(actor, List.copyOf(list)));
        return Map.copyOf(frozen);
    }

    private static Instant instant(LocalDateTime local, ZoneId zone) {
        return local == null ? null : local.atZone(zone).toInstant();
    }
}
