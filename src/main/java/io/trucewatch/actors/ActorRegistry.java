package io.trucewatch.actors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.function.Function;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves actor names as written to canonical actors. Immutable; one per ruleset version.
 *
 * <p>Some names mean a different actor in each country's reports: "civilians", "government forces",
 * "unidentified armed group". An actor with a {@code country} has its names read first in that
 * country's reports ({@link #in(String)}); elsewhere they are read only where no actor of another
 * country claims the same name. Actors without a country are read the same everywhere.
 */
public final class ActorRegistry {

    /** Below this Jaro–Winkler similarity a name is not offered as a likely meaning. */
    private static final double NEAREST_THRESHOLD = 0.75;

    private final Map<String, Actor> byId;
    /** The names of actors without a country. */
    private final Names everywhere;
    /** The names of each country's actors, by the country's key ({@link #countryKey}). */
    private final Map<String, Names> byCountry;
    /** The names of all countries' actors, a name two of them claim left out: read in any country's reports after its own. */
    private final Names anyCountry;
    /** The country this view reads reports of (its key); null for a view of no country. */
    private final String country;

    /** Each actor's name and aliases as keys, in registry order: what unresolved names are compared with. */
    private final List<NameKeys> nameKeys;

    private record NameKeys(Actor actor, List<String> keys) {
    }

    /**
     * One layer of names: exact keys, keys without bracketed qualifiers ("military forces of
     * turkey") and transliteration-folded keys ({@link Transliteration}); ambiguous looser keys are
     * left out.
     */
    private record Names(Map<String, Actor> exact, Map<String, Actor> unqualified, Map<String, Actor> loose) {

        /** A layer in which a name claimed by two actors is a configuration error. */
        static Names strict(Collection<Actor> actors) {
            Map<String, Actor> exact = new LinkedHashMap<>();
            for (Actor actor : actors) {
                claim(exact, ActorNames.key(actor.id()), actor);
                claim(exact, ActorNames.key(actor.name()), actor);
                actor.aliases().forEach(alias -> claim(exact, ActorNames.key(alias), actor));
            }
            return new Names(Map.copyOf(exact), unambiguous(actors, ActorNames::unqualifiedKey),
                    unambiguous(actors, Transliteration::looseKey));
        }

        /** A layer in which a name claimed by two actors is left out (they are of different countries). */
        static Names lenient(Collection<Actor> actors) {
            Map<String, Actor> exact = new LinkedHashMap<>(unambiguous(actors, ActorNames::key));
            for (Actor actor : actors) {
                exact.putIfAbsent(ActorNames.key(actor.id()), actor);
            }
            return new Names(Map.copyOf(exact), unambiguous(actors, ActorNames::unqualifiedKey),
                    unambiguous(actors, Transliteration::looseKey));
        }
    }

    private ActorRegistry(Map<String, Actor> byId, Names everywhere, Map<String, Names> byCountry, Names anyCountry,
            String country, List<NameKeys> nameKeys) {
        this.byId = byId;
        this.everywhere = everywhere;
        this.byCountry = byCountry;
        this.anyCountry = anyCountry;
        this.country = country;
        this.nameKeys = nameKeys;
    }

    /**
     * Builds the registry; a name or alias claimed by two actors that can be read in the same
     * country's reports is a configuration error, because a report could then resolve to either.
     */
    public static ActorRegistry of(Collection<Actor> actors) {
        Map<String, Actor> byId = new LinkedHashMap<>();
        List<Actor> global = new ArrayList<>();
        Map<String, List<Actor>> ofCountry = new LinkedHashMap<>();
        for (Actor actor : actors) {
            if (byId.putIfAbsent(actor.id(), actor) != null) {
                throw new IllegalArgumentException("actor id '" + actor.id() + "' is defined twice");
            }
            if (actor.country() == null) {
                global.add(actor);
            } else {
                ofCountry.computeIfAbsent(countryKey(actor.country()), c -> new ArrayList<>()).add(actor);
            }
        }
        Names everywhere = Names.strict(global);
        Map<String, Names> byCountry = new LinkedHashMap<>();
        List<Actor> allOfCountries = new ArrayList<>();
        ofCountry.forEach((country, own) -> {
            List<Actor> readThere = new ArrayList<>(global);
            readThere.addAll(own);
            Names.strict(readThere); // a country's names must not clash with each other or with names read everywhere
            byCountry.put(country, Names.strict(own));
            allOfCountries.addAll(own);
        });
        List<NameKeys> nameKeys = new ArrayList<>();
        for (Actor actor : actors) {
            List<String> keys = new ArrayList<>();
            keys.add(ActorNames.key(actor.name()));
            actor.aliases().forEach(alias -> keys.add(ActorNames.key(alias)));
            nameKeys.add(new NameKeys(actor, List.copyOf(keys)));
        }
        return new ActorRegistry(Map.copyOf(byId), everywhere, Map.copyOf(byCountry), Names.lenient(allOfCountries),
                null, List.copyOf(nameKeys));
    }

    /** The same registry reading the reports of {@code country} (as a report writes it; null or blank for none). */
    public ActorRegistry in(String country) {
        String key = country == null || country.isBlank() ? null : countryKey(country);
        return Objects.equals(key, this.country) ? this
                : new ActorRegistry(byId, everywhere, byCountry, anyCountry, key, nameKeys);
    }

    private static String countryKey(String country) {
        return country.strip().toLowerCase(Locale.ROOT);
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

    /**
     * The actor a name as written means, in this view's country: as written, then without
     * bracketed qualifiers, then transliteration-folded; at each step this country's actors first,
     * then those read everywhere, then other countries' (where only one claims the name).
     */
    public Optional<Actor> resolve(String asWritten) {
        if (asWritten == null || asWritten.isBlank()) {
            return Optional.empty();
        }
        Names own = country == null ? null : byCountry.get(country);
        // Each step's key is computed only when the step before found nothing: most names are found
        // as written, and the folded key costs more than the others.
        String key = ActorNames.key(asWritten);
        Actor found = first(own, key, Names::exact);
        if (found != null) {
            return Optional.of(found);
        }
        String unqualified = ActorNames.unqualifiedKey(asWritten);
        found = first(own, unqualified, Names::exact);
        if (found == null) {
            found = first(own, unqualified, Names::unqualified);
        }
        if (found == null) {
            found = first(own, Transliteration.looseKey(asWritten), Names::loose);
        }
        return Optional.ofNullable(found);
    }

    /** The actor {@code key} names in one kind of map, this country's layer first, then everywhere's, then any country's. */
    private Actor first(Names own, String key, Function<Names, Map<String, Actor>> map) {
        Actor found = own == null ? null : map.apply(own).get(key);
        if (found == null) {
            found = map.apply(everywhere).get(key);
        }
        return found != null ? found : map.apply(anyCountry).get(key);
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
