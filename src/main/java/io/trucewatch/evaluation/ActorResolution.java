package io.trucewatch.evaluation;

import io.trucewatch.actors.Actor;
import io.trucewatch.actors.ActorNames;
import io.trucewatch.actors.ActorPhrases;
import io.trucewatch.actors.ActorRegistry;
import io.trucewatch.incidents.IncidentReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves every actor a report names; associated actors are split on ";" as ACLED writes them.
 * A name the registry holds resolves as written; otherwise it is read as a phrase (see
 * {@link ActorPhrases}); an associate written only as an ally ("allied militias") is read as an ally
 * of the actor it is associated with; what still names nothing is kept as written, with the
 * registry's nearest names.
 *
 * <p>An actor1 that only describes ("armed groups", "gunmen": the registry's unidentified actor)
 * beside an associate the report does name ("rebels (Fatah Halab factions)") is read the other way
 * round: the named associate is who acted, and the description stands beside it. Monitors write
 * the description first when the source does ("armed groups fired mortars…, rebels of Fatah
 * Halab"); the named group is what the rules must judge.
 */
public final class ActorResolution {

    /** How many of the registry's closest names an unresolved name is given. */
    private static final int NEAREST = 3;
    /** An associate described only by its alliance: "allied militias", "allied fighters". */
    private static final Pattern ALLY = Pattern.compile("(?i)^(allied|allies)\\b.*");

    private ActorResolution() {
    }

    public static List<ResolvedActor> resolve(IncidentReport report, ActorRegistry registry) {
        List<ResolvedActor> named = new ArrayList<>();
        ResolvedActor actor1 = addPrincipal(named, "actor1", "assoc_actor_1", report.actor1(), registry);
        addAll(named, "assoc_actor_1", report.assocActor1(), registry, actor1);
        if (describesOnly(actor1, registry)) {
            nameByAssociate(named, actor1, registry);
        }
        ResolvedActor actor2 = addPrincipal(named, "actor2", "assoc_actor_2", report.actor2(), registry);
        addAll(named, "assoc_actor_2", report.assocActor2(), registry, actor2);
        return named;
    }

    /**
     * An actor field, which ACLED gives one actor. Monitors also list several there, split by ";"
     * as ACLED splits associates ("Liwa Sultan Murad; Ahrar al-Sham; 16th Division", "FSA factions;
     * Civilians (Syria)"): the first is the actor and the others stand beside it, as its associates.
     */
    private static ResolvedActor addPrincipal(List<ResolvedActor> into, String role, String associateRole, String written,
            ActorRegistry registry) {
        List<String> names = written == null ? List.of() : namesIn(written);
        if (names.size() < 2) {
            return add(into, role, written, registry, null);
        }
        ResolvedActor principal = null;
        for (String name : names) {
            if (principal == null) {
                principal = add(into, role, name, registry, null);
            } else {
                String beside = "named in " + role + " after ';', beside " + principal.asWritten();
                named(associateRole, name, registry, principal).map(a -> a.as(associateRole, beside)).ifPresent(into::add);
            }
        }
        return principal;
    }

    /** Whether a resolved actor1 is a description that identifies no one (the registry's kind unidentified). */
    private static boolean describesOnly(ResolvedActor actor, ActorRegistry registry) {
        return actor != null && actor.actorId() != null
                && registry.byId(actor.actorId()).map(a -> Actor.UNIDENTIFIED.equals(a.kind())).orElse(false);
    }

    /**
     * The first associate of actor1 that names someone becomes actor1; the description takes its
     * place among the associates. Nothing changes when no associate names anyone.
     */
    private static void nameByAssociate(List<ResolvedActor> named, ResolvedActor actor1, ActorRegistry registry) {
        for (int i = 0; i < named.size(); i++) {
            ResolvedActor associate = named.get(i);
            boolean names = "assoc_actor_1".equals(associate.role()) && associate.resolved()
                    && !describesOnly(associate, registry);
            if (names) {
                int at = named.indexOf(actor1);
                named.set(at, associate.as("actor1", "named by assoc_actor_1, as actor1 '" + actor1.asWritten()
                        + "' describes but does not identify who acted"));
                named.set(i, actor1.as("assoc_actor_1", "a description beside the actor the report names"));
                return;
            }
        }
    }

    private static void addAll(List<ResolvedActor> into, String role, String joined, ActorRegistry registry,
            ResolvedActor associatedWith) {
        if (joined != null) {
            for (String name : namesIn(joined)) {
                add(into, role, name, registry, associatedWith);
            }
        }
    }

    /**
     * The names a field lists, split on ";" outside brackets: a remark in brackets may hold one
     * ("war planes (not identified; rebels said Russian)") and is part of the name before it.
     */
    static List<String> namesIn(String field) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            } else if (c == ';' && depth == 0) {
                names.add(field.substring(start, i));
                start = i + 1;
            }
        }
        names.add(field.substring(start));
        return names;
    }

    private static ResolvedActor add(List<ResolvedActor> into, String role, String name, ActorRegistry registry,
            ResolvedActor associatedWith) {
        Optional<ResolvedActor> resolved = named(role, name, registry, associatedWith);
        resolved.ifPresent(into::add);
        return resolved.orElse(null);
    }

    /** What a name resolves to; empty where nothing is named. */
    private static Optional<ResolvedActor> named(String role, String name, ActorRegistry registry,
            ResolvedActor associatedWith) {
        // A monitor's remark in brackets where a name would go ("(one source: Russian warplanes)")
        // names no actor of its own: nothing is left once bracketed qualifiers are set aside. The
        // report keeps it as written.
        if (name == null || name.isBlank()
                || name.strip().startsWith("(") && ActorNames.unqualifiedKey(name).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(resolveOne(role, name.strip(), registry, associatedWith));
    }

    private static ResolvedActor resolveOne(String role, String written, ActorRegistry registry,
            ResolvedActor associatedWith) {
        Optional<Actor> exact = registry.resolve(written);
        if (exact.isPresent()) {
            return ResolvedActor.found(role, written, exact.get().id(), exact.get().name());
        }
        List<Actor> read = ActorPhrases.read(written, registry);
        if (read.size() == 1) {
            return ResolvedActor.read(role, written, read.get(0).id(), read.get(0).name(),
                    "as " + read.get(0).name());
        }
        if (read.size() > 1) {
            return ResolvedActor.eitherOf(role, written,
                    read.stream().map(a -> new ResolvedActor.Alternative(a.id(), a.name())).toList());
        }
        if (associatedWith != null && associatedWith.actorId() != null && ALLY.matcher(written).matches()) {
            return ResolvedActor.read(role, written, associatedWith.actorId(), associatedWith.actorName(),
                    "an ally of " + associatedWith.role() + " (" + associatedWith.actorName() + ")");
        }
        return ResolvedActor.unresolved(role, written, registry.nearestNames(written, NEAREST));
    }
}
