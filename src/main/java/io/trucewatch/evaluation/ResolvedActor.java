package io.trucewatch.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An actor named in a report and what the registry made of it (ids null and resolved false when
 * not found; then {@code nearest} lists the registry's closest names).
 */
public record ResolvedActor(String role, String asWritten, String actorId, String actorName, boolean resolved,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> nearest) {

    public ResolvedActor {
        nearest = nearest == null ? List.of() : List.copyOf(nearest);
    }

    public static ResolvedActor found(String role, String asWritten, String actorId, String actorName) {
        return new ResolvedActor(role, asWritten, actorId, actorName, true, List.of());
    }

    public static ResolvedActor unresolved(String role, String asWritten, List<String> nearest) {
        return new ResolvedActor(role, asWritten, null, null, false, nearest);
    }
}
