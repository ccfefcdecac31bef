package io.trucewatch.evaluation;

import io.trucewatch.actors.ActorRegistry;
import io.trucewatch.incidents.IncidentReport;
import java.util.ArrayList;
import java.util.List;

/** Resolves every actor a report names; associated actors are split on ";" as ACLED writes them. */
public final class ActorResolution {

    /** How many of the registry's closest names an unresolved name is given. */
    private static final int NEAREST = 3;

    private ActorResolution() {
    }

    public static List<ResolvedActor> resolve(IncidentReport report, ActorRegistry registry) {
        List<ResolvedActor> named = new ArrayList<>();
        add(named, "actor1", report.actor1(), registry);
        addAll(named, "assoc_actor_1", report.assocActor1(), registry);
        add(named, "actor2", report.actor2(), registry);
        addAll(named, "assoc_actor_2", report.assocActor2(), registry);
        return named;
    }

    private static void addAll(List<ResolvedActor> into, String role, String joined, ActorRegistry registry) {
        if (joined != null) {
            for (String name : joined.split(";")) {
                add(into, role, name, registry);
            }
        }
    }

    private static void add(List<ResolvedActor> into, String role, String name, ActorRegistry registry) {
        if (name == null || name.isBlank()) {
            return;
        }
        String trimmed = name.strip();
        into.add(registry.resolve(trimmed)
                .map(a -> ResolvedActor.found(role, trimmed, a.id(), a.name()))
                .orElseGet(() -> ResolvedActor.unresolved(role, trimmed, registry.nearestNames(trimmed, NEAREST))));
    }

}
