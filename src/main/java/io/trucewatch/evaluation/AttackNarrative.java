package io.trucewatch.evaluation;

import io.trucewatch.actors.Actor;
import io.trucewatch.actors.ActorPhrases;
import io.trucewatch.actors.ActorRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a clash report's notes say that actor1 attacked: "regime advance attempt repelled",
 * "infiltration attempts from Sakan Shababi", "the town was attacked by the Syrian army". ACLED's
 * Battles do not say who began a clash (actor1 is not necessarily the initiator), so a monitor reads
 * the source's words, and so does the service; METHOD.md's S6 turns on exactly this ("where the
 * source does not say who attacked").
 *
 * <p>Only phrases whose direction can be told are read. An attempt or assault that names no agent is
 * actor1's: the report lists the attacker first, as its weapon field lists the attacker's means
 * ("ground assault"), which the rules already read so. Where the phrase names its agent, the agent
 * must be actor1 (or its associate) for "attacked by X", "an attempt by X", and must not be for
 * "repelled by X" (X defended). Active "X repelled the attack" and "attacks on" are not read: their
 * direction depends on a subject the phrase does not carry ("rebels answered attacks on camps").
 */
final class AttackNarrative {

    /** An attacker's attempt: the agent, if the phrase names one, is the attacker. */
    private static final Pattern ATTEMPT = Pattern.compile("(?i)\\b(?:"
            + "(?:advance|infiltration|storming|assault|incursion)\\s+attempts?"
            + "|attempt(?:ed|s)?\\s+(?:advance|infiltration|storming|assault|incursion)s?"
            + "|attempts?(?:\\s+by\\s+(?<agentA>[^,.;:()]+?))?\\s+to\\s+(?:advance|storm|infiltrate|capture|seize|break\\s+into|take\\s+over)"
            + "|attacks?\\s+(?:were\\s+|was\\s+)?launched\\s+from"
            + "|attacked\\s+by\\s+(?<agentB>[^,.;:()]+)"
            + ")(?:\\s+by\\s+(?<agentC>[^,.;:()]+))?");
    /** An attack, assault or attempt that was repelled: whoever repelled it defended. */
    private static final Pattern REPELLED = Pattern.compile("(?i)\\b(?:assaults?|attacks?|advances?|offensives?|attempts?)"
            + "\\s+(?:was\\s+|were\\s+|had\\s+been\\s+|been\\s+)?(?:repelled|repulsed|foiled|thwarted|pushed\\s+back)"
            + "(?:\\s+by\\s+(?<defender>[^,.;:()]+))?");
    /** Words that end an agent phrase before its clause goes on ("by the army on Tuesday"). */
    private static final Pattern AGENT_END = Pattern.compile("(?i)\\s+(?:on|in|at|from|near|with|to|and|after|while|who|which|that)\\s.*$");

    private AttackNarrative() {
    }

    /**
     * The words of {@code notes} that say actor1 attacked, or empty where they do not (or say the
     * opposite, or name an attacker who is not actor1).
     */
    static Optional<String> attackByActor1(String notes, List<ResolvedActor> actors, ActorRegistry registry) {
        if (notes == null || notes.isBlank()) {
            return Optional.empty();
        }
        Matcher attempt = ATTEMPT.matcher(notes);
        while (attempt.find()) {
            String agent = firstNonNull(attempt.group("agentA"), attempt.group("agentB"));
            String trailing = attempt.group("agentC");
            if (agent != null && !isPerpetrator(agent, actors, registry)) {
                continue;
            }
            // "infiltration attempt by X" names the attacker after the noun; "attacked by X to …" has
            // already named it.
            if (agent == null && trailing != null && !isPerpetrator(trailing, actors, registry)) {
                continue;
            }
            return Optional.of(attempt.group().strip());
        }
        Matcher repelled = REPELLED.matcher(notes);
        while (repelled.find()) {
            String defender = repelled.group("defender");
            if (defender != null && isPerpetrator(defender, actors, registry)) {
                continue;
            }
            return Optional.of(repelled.group().strip());
        }
        return Optional.empty();
    }

    /** Whether a phrase of the notes names actor1 or one of its associates. */
    private static boolean isPerpetrator(String phrase, List<ResolvedActor> actors, ActorRegistry registry) {
        String agent = AGENT_END.matcher(phrase.strip()).replaceFirst("").strip();
        if (agent.isEmpty()) {
            return false;
        }
        Optional<String> agentId = registry.resolve(agent).map(Actor::id)
                .or(() -> single(ActorPhrases.read(agent, registry)).map(Actor::id));
        String lowered = agent.toLowerCase(Locale.ROOT);
        for (ResolvedActor named : actors) {
            if (!named.role().equals("actor1") && !named.role().equals("assoc_actor_1")) {
                continue;
            }
            if (agentId.isPresent() && agentId.get().equals(named.actorId())) {
                return true;
            }
            String written = named.asWritten().toLowerCase(Locale.ROOT);
            if (!written.isBlank() && (lowered.contains(written) || written.contains(lowered))) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Actor> single(List<Actor> read) {
        return read.size() == 1 ? Optional.of(read.get(0)) : Optional.empty();
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
