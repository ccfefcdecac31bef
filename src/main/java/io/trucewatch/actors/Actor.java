package io.trucewatch.actors;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A canonical actor of the registry in {@code config/actors.yaml}.
 *
 * @param kind    what sort of actor it is; {@code civilians} and {@code unidentified} are
 *                special to the rules, the others are descriptive (ACLED's inter codes)
 * @param members for a coalition, the ids of the actors it is made of
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Actor(String id, String name, String kind, List<String> aliases, List<String> members,
        List<String> sources) {

    public static final String CIVILIANS = "civilians";
    public static final String UNIDENTIFIED = "unidentified";

    public Actor {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        members = members == null ? List.of() : List.copyOf(members);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    @JsonIgnore
    public boolean isCoalition() {
        return !members.isEmpty();
    }
}
