package io.trucewatch.actors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Resolves actor names as written to canonical actors. Immutable; one per ruleset version. */
public final class ActorRegistry {

    private final Map<String, Actor> byId;
    private final Map<String, Actor> byKey;
    /** Keys without bracketed qualifiers ("military forces of turkey"); ambiguous ones are left out. */
    private final Map<String, Actor> byUnqualifiedKey;

    private ActorRegistry(Map<String, Actor> byId, Map<String, Actor> byKey, Map<String, Actor> byUnqualifiedKey) {
        this.byId = byId;
        this.byKey = byKey;
        this.byUnqualifiedKey = byUnqualifiedKey;
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
        Map<String, Actor> byUnqualifiedKey = new LinkedHashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (Actor actor : actors) {
            List<String> names = new ArrayList<>(actor.aliases());
            names.add(actor.name());
            for (String name : names) {
                String key = ActorNames.unqualifiedKey(name);
                Actor previous = byUnqualifiedKey.putIfAbsent(key, actor);
                if (previous != null && !previous.id().equals(actor.id())) {
                    ambiguous.add(key);
                }
            }
        }
        ambiguous.forEach(byUnqualifiedKey::remove);
        return new ActorRegistry(Map.copyOf(byId), Map.copyOf(byKey), Map.copyOf(byUnqualifiedKey));
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
        return Optional.ofNullable(byName != null ? byName : byUnqualifiedKey.get(unqualified));
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
