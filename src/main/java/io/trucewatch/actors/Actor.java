package io.trucewatch.actors;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * A canonical actor of the registry in {@code config/actors.yaml}.
 *
 * @param kind     what sort of actor it is; {@code civilians} and {@code unidentified} are
 *                 special to the rules, the others are descriptive (ACLED's inter codes)
 * @param members  for a coalition (an operations room), the ids of the actors it is made of
 * @param memberOf the umbrellas the actor belonged to, and when: a truce names umbrellas (the
 *                 government side, FSA factions, …) and a member takes the umbrella's standing on
 *                 the days it was a member
 * @param country  where set, the country whose reports read this actor's names first: generic names
 *                 ("civilians", "government forces") mean a different actor in each country's reports
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Actor(String id, String name, String kind, List<String> aliases, List<String> members,
        List<Membership> memberOf, List<String> sources, String note, String country) {

    public static final String CIVILIANS = "civilians";
    public static final String UNIDENTIFIED = "unidentified";

    public Actor {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        members = members == null ? List.of() : List.copyOf(members);
        memberOf = memberOf == null ? List.of() : List.copyOf(memberOf);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    @JsonIgnore
    public boolean isCoalition() {
        return !members.isEmpty();
    }

    /** Membership of an umbrella from {@code from} (inclusive) to {@code to} (exclusive); open ends when null. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Membership(String actor, LocalDate from, LocalDate to, String source) {
        public boolean covers(LocalDate day) {
            return (from == null || !day.isBefore(from)) && (to == null || day.isBefore(to));
        }
    }
}
