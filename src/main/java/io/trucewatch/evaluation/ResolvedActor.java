package io.trucewatch.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An actor named in a report and what the registry made of it.
 *
 * @param actorId      the actor it resolved to; null when unresolved or when it names alternatives
 * @param resolved     whether the name was read as one actor or as alternatives that all resolve
 * @param reading      how a name the registry does not hold as written was read ("as 'Russian air
 *                     force'", "one of …", "an ally of actor1"); null for an exact match
 * @param alternatives the actors a phrase such as "Russian or Syrian jets" names, any one of which did it
 * @param nearest      for an unresolved name, the registry's closest names
 */
public record ResolvedActor(String role, String asWritten, String actorId, String actorName, boolean resolved,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reading,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Alternative> alternatives,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> nearest) {

    /** One of the actors a phrase names as alternatives. */
    public record Alternative(String actorId, String actorName) {
    }

    public ResolvedActor {
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
        nearest = nearest == null ? List.of() : List.copyOf(nearest);
    }

    public static ResolvedActor found(String role, String asWritten, String actorId, String actorName) {
        return new ResolvedActor(role, asWritten, actorId, actorName, true, null, List.of(), List.of());
    }

    public static ResolvedActor read(String role, String asWritten, String actorId, String actorName, String reading) {
        return new ResolvedActor(role, asWritten, actorId, actorName, true, reading, List.of(), List.of());
    }

    public static ResolvedActor eitherOf(String role, String asWritten, List<Alternative> alternatives) {
        String names = String.join(" or ", alternatives.stream().map(Alternative::actorName).toList());
        return new ResolvedActor(role, asWritten, null, null, true, "one of: " + names, alternatives, List.of());
    }

    public static ResolvedActor unresolved(String role, String asWritten, List<String> nearest) {
        return new ResolvedActor(role, asWritten, null, null, false, null, List.of(), nearest);
    }

    /** The same resolution in another column of the report, saying why it was moved there. */
    public ResolvedActor as(String otherRole, String why) {
        String read = reading == null ? why : reading + "; " + why;
        return new ResolvedActor(otherRole, asWritten, actorId, actorName, resolved, read, alternatives, nearest);
    }

    @JsonIgnore
    public boolean namesAlternatives() {
        return !alternatives.isEmpty();
    }
}
