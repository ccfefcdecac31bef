package io.trucewatch.actors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.function.Function;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Resolves actor names as written to canonical actors. Immutable; one per ruleset version. */
public final class ActorRegistry {

    /** Below this Jaro–Winkler similarity a name is not offered as a likely meaning. */
    private static final double NEAREST_THRESHOLD = 0.75;

    private final Map<String, Actor> byId;
    private final Map<String, Actor> byKey;
    /** Keys without bracketed qualifiers ("military forces of turkey"); ambiguous ones are left out. */
    private final Map<String, Actor> byUnqualifiedKey;
    /** Transliteration-folded keys ({@link Transliteration}); ambiguous ones are left out. */
    private final Map<String, Actor> byLooseKey;

    /** Each actor's name and aliases as keys, in registry order: what unresolved names are compared with. */
    private final List<NameKeys> nameKeys;

    private record NameKeys(Actor actor, List<String> keys) {
    }

    private ActorRegistry(Map<String, Actor> byId, Map<String, Actor> byKey, Map<String, Actor> byUnqualifiedKey,
            Map<String, Actor> byLooseKey, List<NameKeys> nameKeys) {
        this.nameKeys = nameKeys;
        this.byId = byId;
        this.byKey = byKey;
        this.byUnqualifiedKey = byUnqualifiedKey;
        this.byLooseKey = byLooseKey;
    }

    /**
     * Builds the registry; a name or alias claimed by two actors is a configuration error,
     * because a report could then resolve to either.
     */
    public static ActorRegistry of(Collection<Actor> actors) {
        Map<String, Actor> byId = new LinkedHashMap<>();
        Map<String, Actor> byKey = new LinkedHashMap<>();
        for (Actor actor : actors) {
            if (byId.putIfAbsent(actor.id(), actor) != null) {
                throw new IllegalArgumentException("actor id '" + actor.id() + "' is defined twice");
            }
            claim(byKey, ActorNames.key(actor.id()), actor);
            claim(byKey, ActorNames.key(actor.name()), actor);
            actor.aliases().forEach(alias -> claim(byKey, ActorNames.key(alias), actor));
        }
        List<NameKeys> nameKeys = new ArrayList<>();
        for (Actor actor : actors) {
            List<String> keys = new ArrayList<>();
            keys.add(ActorNames.key(actor.name()));
            actor.aliases().forEach(alias -> keys.add(ActorNames.key(alias)));
            nameKeys.add(new NameKeys(actor, List.copyOf(keys)));
        }
        return new ActorRegistry(Map.copyOf(byId), Map.copyOf(byKey),
                unambiguous(actors, ActorNames::unqualifiedKey), unambiguous(actors, Transliteration::looseKey),
                List.copyOf(nameKeys));
    }

    /** Every name and alias under a looser key; a key two actors share is dropped. */
    private static Map<String, Actor> unambiguous(Collection<Actor> actors, Function<String, String> keyOf) {
        Map<String, Actor> byKey = new LinkedHashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (Actor actor : actors) {
            List<String> names = new ArrayList<>(actor.aliases());
            names.add(actor.name());
            for (String name : names) {
                String key = keyOf.apply(name);
                Actor previous = byKey.putIfAbsent(key, actor);
                if (previous != null && !previous.id().equals(actor.id())) {
                    ambiguous.add(key);
                }
            }
        }
        ambiguous.forEach(byKey::remove);
        return Map.copyOf(byKey);
    }

    private static void claim(Map<String, Actor> byKey, String key, Actor actor) {
        Actor previous = byKey.putIfAbsent(key, actor);
        if (previous != null && !previous.id().equals(actor.id())) {
            throw new IllegalArgumentException("name '" + key + "' is claimed by both '"
                    + previous.id() + "' and '" + actor.id() + "'");
        }
    }

    public Optional<Actor> resolve(String asWritten) {
        if (asWritten == null || asWritten.isBlank()) {
            return Optional.empty();
        }
        Actor exact = byKey.get(ActorNames.key(asWritten));
        if (exact != null) {
            return Optional.of(exact);
        }
        String unqualified = ActorNames.unqualifiedKey(asWritten);
        Actor byName = byKey.get(unqualified);
        if (byName == null) {
            byName = byUnqualifiedKey.get(unqualified);
        }
        return Optional.ofNullable(byName != null ? byName : byLooseKey.get(Transliteration.looseKey(asWritten)));
    }

    /**
     * The registry's names closest to one it could not resolve, best first, for the monitor to
     * correct the report or an administrator to add an alias (Jaro–Winkler on the keys).
     */
    public List<String> nearestNames(String asWritten, int limit) {
        String key = ActorNames.key(asWritten);
        record Candidate(String name, double score) {
        }
        JaroWinklerSimilarity similarity = new JaroWinklerSimilarity();
        List<Candidate> candidates = new ArrayList<>();
        for (NameKeys names : nameKeys) {
            double best = 0;
            for (String known : names.keys()) {
                best = Math.max(best, similarity.apply(key, known));
            }
            candidates.add(new Candidate(names.actor().name(), best));
        }
        return candidates.stream().filter(c -> c.score() >= NEAREST_THRESHOLD)
                .sorted(Comparator.comparingDouble(Candidate::score).reversed()).limit(limit)
                .map(Candidate::name).toList();
    }

    public Optional<Actor> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    public Collection<Actor> all() {
        return byId.values();
    }
}
