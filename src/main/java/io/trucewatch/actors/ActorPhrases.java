package io.trucewatch.actors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads actor phrases as reports write them when the registry has no such name: the means of the
 * attack or the people after the actor ("Russian warplanes", "Assad regime jets", "Turkish air
 * strikes and shelling", "opposition sniper"), qualifiers before it ("alleged", "suspected"),
 * alternatives ("Russian or Syrian regime jets", "Syrian and Russian warplanes"), and affiliation
 * ("IS-affiliated factions", "gunmen apparently affiliated with IS": an affiliate of a group is
 * read as that group, as the truces treat them; "X-backed" is not affiliation and is not read so).
 * Each reading is tried against the registry; a phrase that still names nothing stays unresolved.
 */
public final class ActorPhrases {

    /** Words for the means of an attack, dropped from the end of a phrase ("… jets", "… shelling"). */
    private static final Set<String> MEANS = Set.of("jet", "jets", "warplane", "warplanes", "war", "plane", "planes",
            "aircraft", "helicopter", "helicopters", "chopper", "choppers", "bomber", "bombers", "drone", "drones",
            "air", "strike", "strikes", "airstrike", "airstrikes", "raid", "raids", "shelling", "artillery", "rocket",
            "rockets", "mortar", "mortars", "missile", "missiles", "fire", "gunfire", "troops", "soldiers", "units",
            "fighter", "fighters", "militants", "members", "sniper", "snipers", "gunmen", "gunman", "men", "forces",
            "militiaman", "militiamen", "gang", "gangs", "force", "checkpoint", "checkpoints",
            "factions", "faction", "elements", "operatives", "cell", "cells", "terrorist", "terrorists",
            "extremists", "jihadists", "takfiris", "mercenaries", "cover", "support", "sleeper", "armed", "aviation",
            "ground", "positions", "position", "posts", "detachment", "detachments",
            "and", "or");
    /**
     * Words for what kind of body an actor is, dropped from the end like means: "units of the Jaysh
     * al-Islam group" (the Russian reconciliation centre's phrasing), "the Ahrar al-Sham movement".
     */
    private static final Set<String> KINDS = Set.of("group", "groups", "movement", "organisation", "organization",
            "organisations", "organizations", "grouping", "groupings", "formation", "formations", "battalion",
            "battalions", "brigade", "brigades", "militia", "militias", "task-force", "task-forces");
    /**
     * A country's name written where its adjective belongs ("Syria Democratic Forces", "Turkey
     * army"): the adjective is tried in its place when the phrase as written is no one's name.
     */
    private static final Map<String, String> COUNTRY_ADJECTIVES = Map.of("syria", "Syrian", "russia", "Russian",
            "turkey", "Turkish", "iran", "Iranian", "iraq", "Iraqi", "ukraine", "Ukrainian", "israel", "Israeli",
            "lebanon", "Lebanese", "jordan", "Jordanian");
    /** Hedges dropped from the start of a phrase ("so called" and "self-styled" are written as one or two words). */
    private static final Set<String> HEDGES = Set.of("the", "a", "an", "former", "armed", "alleged", "allegedly", "suspected", "reported", "reportedly",
            "presumed", "presumably", "possibly", "probably", "likely", "apparently", "unconfirmed", "so-called",
            "self-styled", "self-proclaimed");
    /**
     * Who backs an actor, written in front of it ("Iranian-backed Lebanese Hezbollah", "US-backed
     * Syrian Democratic Forces", "Turkish-supported rebels"): says who sponsors the actor, not which
     * actor it is, so it is dropped from the front like a hedge. A registry name with it in
     * ("Turkish-backed rebels") is found whole first.
     */
    private static final Pattern SPONSORED = Pattern.compile("(?i)[\\p{L}.]+-(?:backed|supported|sponsored|funded|trained)");
    private static final Pattern TWO_WORD_HEDGE = Pattern.compile("(?i)\\b(so|self)\\s+(called|styled|proclaimed)\\b");
    /**
     * Pejoratives a side's media put before its enemy's name ("terrorists of Jabhat al-Nusra", "the
     * terrorist organization Jabhat Fatah al-Sham"): dropped from the start, with a kind of body
     * after them; they say how the writer sees the group, not which group it is.
     */
    private static final Set<String> PEJORATIVES = Set.of("terrorist", "terrorists", "extremist", "extremists",
            "takfiri", "takfiris", "jihadist", "jihadists", "radical", "radicals", "mercenary", "mercenaries");
    /** What the actor of a bare demonym or side usually is, tried in turn: "Russian" + " air force". */
    private static final List<String> SUFFIXES = List.of("", " forces", " air force", " military");
    /**
     * People words that say the actor is not a state's forces: "Syrian militants", "Syrian
     * terrorists" or "Iranian militias" are not a state's army, so a phrase with one of them is not
     * read as a demonym.
     */
    private static final Set<String> IRREGULARS = Set.of("militants", "gunmen", "gunman", "terrorist", "terrorists",
            "extremists", "jihadists", "takfiris", "mercenaries", "militia", "militias", "militiaman", "militiamen", "gang",
            "gangs");
    private static final Pattern ALTERNATIVES = Pattern.compile("\\s+(?:and/or|or|and)\\s+|\\s*/\\s*|\\s*,\\s*",
            Pattern.CASE_INSENSITIVE);
    /** Means attributed to an actor: "… believed to belong to the regime", "… said to be Russian". */
    private static final Pattern ATTRIBUTED = Pattern.compile(
            "(?i).*?\\b(?:believed|thought|said|reported|suspected|assumed)\\s+to\\s+(?:be|belong\\s+to|be\\s+from)\\s+(?:the\\s+)?(.+)$");
    /**
     * The source of the attribution after the actor: "Russian warplanes according to ARA News",
     * "regime forces, per SOHR". Who said it is not who acted.
     */
    private static final Pattern SOURCED = Pattern.compile(
            "(?i)^(.+?)\\s*,?\\s+(?:according\\s+to|as\\s+reported\\s+by|citing|per)\\s+.+$");
    /** Affiliation after the means: "armed men apparently affiliated with IS", "cells linked to Nusra". */
    private static final Pattern AFFILIATED_WITH = Pattern.compile(
            "(?i).*?\\b(?:affiliated|linked|aligned|loyal|allied)\\s+(?:with|to)\\s+(?:the\\s+)?(.+)$");
    /**
     * Affiliation before the means: "IS-affiliated factions", "Nusra-linked fighters"; the group is
     * the word the suffix is joined to (found by walking back, so a long phrase costs one pass).
     */
    private static final Pattern AFFILIATED = Pattern.compile("(?i)-(?:affiliated|linked|aligned|loyal)\\b");
    /**
     * Means before the actor: "militants of the Free Syrian Army", "units of the regime", "terrorists
     * from ISIS", "groups of the terrorist organization …" (read only when every word before "of" or
     * "from" is a word for means or for a kind of body, so that a name with "of" in it stays whole).
     */
    private static final Pattern MEANS_OF = Pattern.compile("(?i)^(.+?)\\s+(?:of|from)\\s+(?:the\\s+)?(.+)$");
    /**
     * Where the actor stood, after it: "Assad regime forces positioned in Jabbourin and Akrad
     * al-Dasnyya". The places are not alternatives to the actor, so the clause goes before the
     * phrase is split on "and".
     */
    private static final Pattern POSITIONED = Pattern.compile(
            "(?i)^(.+?)\\s+(?:positioned|stationed|based|deployed|located|entrenched|hiding|holed\\s+up)\\s+(?:in|at|near|around|inside|on)\\b.*$");
    /**
     * An actor with its allies: "the Syrian Arab Army and its allies", "the Assad regime and its
     * militias", "regime forces and allied militias", "Jaish al-Islam and allied rebel units" (one
     * word may say what the allies are). The allies fight on its side, so the phrase stands for that
     * side's actor.
     */
    private static final Pattern WITH_ALLIES = Pattern.compile(
            "(?i)^(.+?)\\s+(?:(?:and|with)\\s+(?:its|their|his)\\s+(?:[\\p{L}-]+\\s+)?(?:allies|militias|militiamen)\\b.*"
                    + "|and\\s+(?:allied|loyal)\\s+(?:[\\p{L}-]+\\s+)?"
                    + "(?:forces|militias|fighters|groups|factions|gunmen|militiamen|troops|units|brigades|battalions)\\b.*)$");
    /** A possessive ending ("the regime's forces"), without which the possessor may be a name. */
    private static final Pattern POSSESSIVE = Pattern.compile("(?<=\\p{L})['’]s\\b");
    /**
     * An actor and where it was, or who led it: "rebels of Wadi Barada", "opposition groups in
     * Northern Aleppo Province", "the international coalition led by America". Tried last, so that
     * names with "of" in them ("Army of Conquest") are found whole first. Only the part before is
     * read: what follows "of" may be an actor the first part is not ("supporters of the regime",
     * "opponents of the regime").
     */
    private static final Pattern PLACED = Pattern.compile("(?i)^(.+?)\\s+(?:of|in|at|near|around|inside|led\\s+by|headed\\s+by)\\s+.+$");
    /**
     * Heads that name a state's institution without the state: "Government of Syria" or "the army
     * of Ukraine" must not be read as whichever state's forces the bare word is an alias of.
     */
    private static final Set<String> GENERIC_HEADS = Set.of("government", "army", "military", "state", "forces", "troops",
            "armed forces", "security forces");
    /** Patterns whose first group is the actor of the whole phrase, tried in this order. */
    private static final List<Pattern> ACTOR_WITHIN = List.of(SOURCED, ATTRIBUTED, POSITIONED, WITH_ALLIES, AFFILIATED_WITH);
    /**
     * An actor and the side it fought for: "Iraqi and Iranian militias supporting the regime",
     * "Russian jets backing government forces". The actor is read first; only where it names no one
     * ("militias supporting the regime") does the side it backs stand for it, as allies do.
     */
    private static final Pattern SIDING_WITH = Pattern.compile(
            "(?i)^(.+?)\\s+(?:supporting|backing|fighting\\s+(?:for|alongside|beside))\\s+(?:the\\s+)?(.+)$");
    /** A bracketed remark, also one left open at the end ("fighter jet (unidentified"). */
    private static final Pattern BRACKETED = Pattern.compile("\\([^)]*\\)?");
    /** The registry's name for an actor no one has identified. */
    private static final String UNIDENTIFIED = "unidentified";
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9-]");
    /** A model designation among the means ("B-52"): a word with a digit. */
    private static final Pattern MODEL = Pattern.compile(".*\\d.*");

    private ActorPhrases() {
    }

    /**
     * The actors a phrase names, read as above: one actor, or several alternatives (all of which
     * must resolve), or none. A phrase of means alone ("jets", "war planes (not identified)",
     * "troops") says what acted but not whose: the registry's unidentified actor, as "warplanes"
     * and "gunmen" are.
     */
    public static List<Actor> read(String phrase, ActorRegistry registry) {
        List<Actor> read = readPhrase(phrase, registry);
        if (read.isEmpty()) {
            read = glossed(phrase, registry);
        }
        if (read.isEmpty() && TURKISH_LETTERS.matcher(phrase).find()) {
            read = readPhrase(TURKISH_LETTERS.matcher(phrase).replaceAll(ActorPhrases::turkishLetter), registry);
        }
        if (read.isEmpty() && meansAlone(phrase)) {
            return registry.resolve(UNIDENTIFIED).map(List::of).orElse(List.of());
        }
        return read;
    }

    /**
     * A phrase that names no one, with a gloss in brackets that does: a source's own words and their
     * translation ("Koalisyon Güçleri (Coalition forces)"), or a description and who it may be
     * ("aircraft of unknown identity (international coalition or Russian)"). Tried only after the
     * phrase itself, so that a remark in brackets never overrides a name outside them.
     */
    private static List<Actor> glossed(String phrase, ActorRegistry registry) {
        Matcher brackets = BRACKETED.matcher(phrase);
        while (brackets.find()) {
            String inner = brackets.group().replaceAll("[()]", "").strip();
            if (!inner.isEmpty()) {
                List<Actor> read = readPhrase(inner, registry);
                if (!read.isEmpty()) {
                    return read;
                }
            }
        }
        return List.of();
    }

    /**
     * Letters Turkish writes for two Latin ones: a Turkish source's "DAEŞ" is Daesh. Only for actors,
     * and only when the phrase as written names no one: in place names romanised from Arabic
     * (GeoNames' "Şalkhad") ş stands for an emphatic s, which the key's accent folding already gives.
     */
    private static final Pattern TURKISH_LETTERS = Pattern.compile("[şŞçÇıİ]");

    private static String turkishLetter(MatchResult letter) {
        return switch (letter.group()) {
            case "ş", "Ş" -> "sh";
            case "ç", "Ç" -> "ch";
            default -> "i";
        };
    }

    private static List<Actor> readPhrase(String written, ActorRegistry registry) {
        String phrase = written.strip();
        // "warplanes believed to belong to the regime", "forces positioned in …", "X and its allies",
        // "cells loyal to ISIS": the actor is the part each pattern takes out.
        for (Pattern actorWithin : ACTOR_WITHIN) {
            Matcher matcher = actorWithin.matcher(phrase);
            if (matcher.matches()) {
                return readPhrase(matcher.group(1), registry);
            }
        }
        Matcher siding = SIDING_WITH.matcher(phrase);
        if (siding.matches()) {
            List<Actor> actor = readPhrase(siding.group(1), registry);
            return actor.isEmpty() ? readPhrase(siding.group(2), registry) : actor;
        }
        Matcher affiliated = AFFILIATED.matcher(phrase);
        if (affiliated.find()) {
            int end = affiliated.start();
            int start = end;
            while (start > 0 && !Character.isWhitespace(phrase.charAt(start - 1))) {
                start--;
            }
            if (start < end) {
                return readPhrase(phrase.substring(start, end), registry);
            }
        }
        Optional<Actor> whole = readOne(phrase, "", registry);
        if (whole.isPresent()) {
            return List.of(whole.get());
        }
        Matcher meansOf = MEANS_OF.matcher(phrase);
        if (meansOf.matches() && Arrays.stream(meansOf.group(1).split("\\s+")).allMatch(ActorPhrases::isMeansOrKind)) {
            return readPhrase(meansOf.group(2), registry);
        }
        Matcher possessive = POSSESSIVE.matcher(phrase);
        if (possessive.find()) {
            // "the regime's forces", "regime's air and ground forces": the possessor is the actor.
            return readPhrase(possessive.replaceAll(""), registry);
        }
        Matcher placed = PLACED.matcher(phrase);
        if (placed.matches() && !GENERIC_HEADS.contains(unframed(words(placed.group(1))).toLowerCase(Locale.ROOT))) {
            // "rebels of Wadi Barada", "militants in Afrah": the place after the actor is not part of its name.
            List<Actor> head = readPhrase(placed.group(1), registry);
            if (!head.isEmpty()) {
                return head;
            }
        }
        String[] parts = ALTERNATIVES.split(phrase);
        if (parts.length < 2) {
            return List.of();
        }
        String sharedMeans = trailingMeans(parts[parts.length - 1]);
        Map<String, Actor> actors = new LinkedHashMap<>();
        for (String part : parts) {
            Optional<Actor> actor = readOne(part, "", registry).or(() -> readOne(part, " " + sharedMeans, registry));
            if (actor.isEmpty()) {
                return List.of();
            }
            actors.putIfAbsent(actor.get().id(), actor.get());
        }
        return List.copyOf(actors.values());
    }

    private static Optional<Actor> readOne(String phrase, String means, ActorRegistry registry) {
        String written = (phrase + means).strip();
        if (written.isEmpty()) {
            return Optional.empty();
        }
        Optional<Actor> exact = registry.resolve(written);
        if (exact.isPresent()) {
            return exact;
        }
        String[] firstAndRest = written.split("\\s+", 2);
        String adjective = firstAndRest.length == 2 ? COUNTRY_ADJECTIVES.get(bare(firstAndRest[0])) : null;
        if (adjective != null) {
            Optional<Actor> adjectival = readOne(adjective + " " + firstAndRest[1], "", registry);
            if (adjectival.isPresent()) {
                return adjectival;
            }
        }
        // "jihadist armed groups": the frame in front taken off, what is left may be a name as it stands.
        String unframed = unframed(words(written));
        if (!unframed.isEmpty() && !unframed.equals(written)) {
            Optional<Actor> named = registry.resolve(unframed);
            if (named.isPresent()) {
                return named;
            }
        }
        String core = core(written);
        if (core.isEmpty()) {
            return Optional.empty();
        }
        boolean irregular = Arrays.stream(written.split("\\s+"))
                .anyMatch(word -> IRREGULARS.contains(word.toLowerCase(Locale.ROOT)));
        for (String suffix : irregular ? List.of("") : SUFFIXES) {
            Optional<Actor> actor = registry.resolve(core + suffix);
            if (actor.isPresent()) {
                return actor;
            }
        }
        return Optional.empty();
    }

    /**
     * The phrase without hedges or pejoratives in front (and a kind of body after a pejorative),
     * bracketed remarks, or means of attack or kinds of body at the end.
     */
    static String core(String phrase) {
        List<String> words = words(phrase);
        unframed(words);
        while (!words.isEmpty() && isMeansOrKind(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        return String.join(" ", words);
    }

    /** The phrase's words, without bracketed remarks, a two-word hedge written as one. */
    private static List<String> words(String phrase) {
        String unbracketed = BRACKETED.matcher(phrase).replaceAll(" ");
        return new ArrayList<>(Arrays.asList(
                TWO_WORD_HEDGE.matcher(unbracketed).replaceAll("$1-$2").strip().split("\\s+")));
    }

    /**
     * Takes hedges and pejoratives off the front of {@code words} (and a kind of body after a
     * pejorative: "the terrorist organization …"); returns what is left, joined.
     */
    private static String unframed(List<String> words) {
        boolean pejorative = false;
        while (!words.isEmpty()) {
            String first = words.get(0).toLowerCase(Locale.ROOT);
            if (PEJORATIVES.contains(first)) {
                pejorative = true;
            } else if (!HEDGES.contains(first) && !SPONSORED.matcher(first).matches() && !(pejorative && isKind(first))) {
                break;
            }
            words.remove(0);
        }
        return String.join(" ", words);
    }

    /** Whether the phrase is means and nothing else ("jets", "fighter jet (unidentified)", "troops"). */
    private static boolean meansAlone(String phrase) {
        // "Turkish-backed factions" says whose backing, so it is not an unknown actor's means.
        List<String> words = words(phrase);
        return core(phrase).isEmpty() && words.stream().anyMatch(ActorPhrases::isMeans)
                && words.stream().noneMatch(word -> SPONSORED.matcher(word).matches());
    }

    private static String trailingMeans(String part) {
        List<String> words = Arrays.asList(part.strip().split("\\s+"));
        int start = words.size();
        while (start > 0 && isMeans(words.get(start - 1))) {
            start--;
        }
        return String.join(" ", words.subList(start, words.size()));
    }

    private static boolean isKind(String word) {
        return KINDS.contains(bare(word));
    }

    private static boolean isMeans(String word) {
        String w = bare(word);
        return MEANS.contains(w) || MODEL.matcher(w).matches();
    }

    /** A word of the means or of a kind of body: either may stand before "of" or at the end. */
    private static boolean isMeansOrKind(String word) {
        return isMeans(word) || isKind(word);
    }

    /** The word in lower case without punctuation around it ("jets," is "jets"; "B-52" keeps its hyphen). */
    private static String bare(String word) {
        return NOT_WORD.matcher(word.toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
