package io.trucewatch.evaluation;

/** An actor named in a report and what the registry made of it (null id when unresolved). */
public record ResolvedActor(String role, String asWritten, String actorId, String actorName) {
    public boolean resolved() {
        return actorId != null;
    }
}
