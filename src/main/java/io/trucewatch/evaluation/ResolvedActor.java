package io.trucewatch.evaluation;

/** An actor named in a report and what the registry made of it (ids null and resolved false when not found). */
public record ResolvedActor(String role, String asWritten, String actorId, String actorName, boolean resolved) {

    public static ResolvedActor found(String role, String asWritten, String actorId, String actorName) {
        return new ResolvedActor(role, asWritten, actorId, actorName, true);
    }

    public static ResolvedActor unresolved(String role, String asWritten) {
        return new ResolvedActor(role, asWritten, null, null, false);
    }
}
