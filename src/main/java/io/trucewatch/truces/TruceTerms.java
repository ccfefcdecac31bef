package io.trucewatch.truces;

import io.trucewatch.actors.Phrases;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The terms of one truce as written in {@code config/truces/<id>.yaml}. Dates in the file are
 * local to the truce's own time zone, as the text of a truce states them; they are turned into
 * instants through the tz database, never a fixed offset.
 */
public record TruceTerms(
        String id,
        String title,
        List<Source> sources,
        String timeZone,
        LocalDateTime starts,
        LocalDateTime ends,
        Scope scope,
        List<Clause> clauses,
        List<Party> parties,
        List<ActorTerm> disputed,
        List<ActorTerm> excluded,
        List<Exemption> exemptions,
        List<ReferenceLine> referenceLines,
        List<WithdrawalZone> withdrawalZones,
        List<WeaponSite> weaponSites,
        List<MonitorQualification> monitorQualifications,
        String rules,
        Boolean everyArmedActorBound,
        List<PatternTerm> patterns,
        MomentWords momentWords,
        EndBasis endBasis) {

    public TruceTerms {
        referenceLines = nonNull(referenceLines);
        withdrawalZones = nonNull(withdrawalZones);
        weaponSites = nonNull(weaponSites);
        monitorQualifications = nonNull(monitorQualifications);
        sources = nonNull(sources);
        clauses = nonNull(clauses);
        parties = nonNull(parties);
        disputed = nonNull(disputed);
        excluded = nonNull(excluded);
        exemptions = nonNull(exemptions);
        patterns = nonNull(patterns);
        momentWords = momentWords == null ? MomentWords.NONE : momentWords;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm 'on' d MMM yyyy", Locale.ROOT);

    /** Rules every truce is judged by first: when and where it applies ({@code rules/common/}). */
    public static final String COMMON_RULES = "rules/common/";

    /** Every folder whose DRL files judge this truce: the common rules, then its own. */
    public List<String> ruleFolders() {
        return List.of(COMMON_RULES, ruleFolder());
    }

    /** The folder under {@code rules/} whose DRL files judge this truce: its own id unless it shares a rule set. */
    public String ruleFolder() {
        return "rules/" + (rules == null ? id : rules) + "/";
    }

    /**
     * Where this truce's scenarios are: beside its own rules, or, in a rule set several truces
     * share, in a folder named after the truce under the shared set's scenarios.
     */
    public String scenarioFolder() {
        return rules == null || rules.equals(id) ? ruleFolder() + "scenarios/" : ruleFolder() + "scenarios/" + id + "/";
    }

    /**
     * Whether every armed actor in the truce's territory is bound by it (Minsk II: no group is
     * excluded), so that hostilities nobody can attribute are still a violation by one of the sides.
     */
    public boolean everyArmedActorIsBound() {
        return Boolean.TRUE.equals(everyArmedActorBound);
    }

    /** The sides its parties are on, in the order the parties are listed. */
    public java.util.Set<String> sides() {
        java.util.Set<String> sides = new java.util.LinkedHashSet<>();
        parties.forEach(p -> sides.add(p.side()));
        return sides;
    }

    /** The start as the truce's text states it, e.g. "00:00 on 27 Feb 2016 (Asia/Damascus)", for explanations. */
    public String startText() {
        return localText(starts);
    }

    /** The end in the same form, or null for an open-ended truce. */
    public String endText() {
        return ends == null ? null : localText(ends);
    }

    /** A moment of the terms as explanations quote it: "00:00 on 27 Feb 2016 (Asia/Damascus)". */
    public String localText(LocalDateTime moment) {
        return LOCAL_TIME.format(moment) + " (" + timeZone + ")";
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Instant startsAt() {
        return starts.atZone(zone()).toInstant();
    }

    public Instant endsAt() {
        return ends == null ? null : ends.atZone(zone()).toInstant();
    }

    public boolean hasClause(String clauseId) {
        return clauses.stream().anyMatch(c -> c.id().equals(clauseId));
    }

    public record Source(String id, String title, String url) {
    }

    public record Scope(List<String> countries) {
        public Scope {
            countries = nonNull(countries);
        }
    }

    public record Clause(String id, String title, String text, String source) {
    }

    /**
     * A party bound by the truce: the actors that make it up, the side they are on, when it said it
     * accepted the terms, and from when (and, if it lost the truce's protection, until when) it is bound.
     */
    public record Party(String name, String side, List<String> actors, LocalDateTime acceptedBy,
            LocalDateTime boundFrom, LocalDateTime boundUntil, String source) {
        public Party {
            actors = nonNull(actors);
        }
    }

    /**
     * An actor the truce excludes, or whose standing is disputed, with the reason and source. A
     * disputed actor's {@code ground} says that monitors counted attacks on ground it held as
     * breaches all the same, as ground of the side named, while its own acts stay for a person.
     */
    public record ActorTerm(String actor, LocalDateTime from, LocalDateTime until, String reason,
            String source, CoveredGround ground) {
    }

    /** Ground of a disputed actor that monitors counted as a side's: which side, why, and the source. */
    public record CoveredGround(String side, String reason, String source) {
    }

    /** Actors whose military action against {@code against} (only "excluded" so far) continues. */
    public record Exemption(String clause, List<String> actors, String against, String source) {
        public Exemption {
            actors = nonNull(actors);
        }
    }

    /**
     * A line distances are measured from (e.g. a line of contact), drawn in a GeoJSON file under
     * {@code config/}: the feature {@code feature} (default: the line's id) of {@code file}.
     */
    public record ReferenceLine(String id, String title, String file, String feature, String source) {
    }

    /**
     * Where a class of weapons may not be after a deadline: within {@code distance_km} of the line
     * each side measures from ({@code from_lines}: side → reference line id). A weapon matches when it
     * has any of {@code weapon_classes} and its calibre (if the zone names bounds) is within them.
     * {@code complete_by_earliest}, when the sources disagree on the deadline, opens a window
     * in which a sighting needs review. {@code superseded_from}, when a later agreement took a
     * class of weapons over (tanks, by the Addendum), ends the zone: acts from then on are not
     * judged by it.
     */
    public record WithdrawalZone(String id, String clause, String title, List<String> weaponClasses,
            Integer minCalibreMm, Integer maxCalibreMm, Double distanceKm, Map<String, String> fromLines,
            LocalDateTime completeBy, LocalDateTime completeByEarliest, LocalDateTime supersededFrom, String source) {
        public WithdrawalZone {
            weaponClasses = nonNull(weaponClasses);
            fromLines = fromLines == null ? Map.of() : Map.copyOf(fromLines);
        }
    }

    /**
     * Where withdrawn weapons are kept and verified (holding areas, permanent storage sites): a
     * weapon reported at one is where the withdrawal put it, not in the field. {@code names} are the
     * phrases a report's place or weapon uses for such a site; {@code missing} the phrases that say
     * weapons were not found there. Matched as whole words, case ignored.
     */
    public record WeaponSite(String id, String clause, String title, Phrases names, Phrases missing,
            String source) {
        public WeaponSite {
            names = Phrases.orNone(names);
            missing = Phrases.orNone(missing);
        }
    }

    /**
     * The record's own words for the moment the truce began or ended, beside "the start" and "the
     * end" (the cessation of 12 Sep 2016 began "at sundown"), which reports dated only to the day use
     * to say on which side of it an act fell ("less than an hour after sundown").
     */
    public record MomentWords(List<String> start, List<String> end, String source) {
        public static final MomentWords NONE = new MomentWords(List.of(), List.of(), null);

        public MomentWords {
            start = nonNull(start);
            end = nonNull(end);
        }
    }

    /**
     * Why the truce is taken to end at {@code ends} where no party declared it over (the record of
     * the day and its monitors treat it as over from then), with the source: explanations of acts
     * after the end quote it.
     */
    public record EndBasis(String reason, String source) {
    }

    /**
     * A monitoring mission's own words for what it saw, with the clause they apply: e.g. the OSCE
     * SMM's "in violation of the withdrawal lines", which it writes only of weapons it placed inside
     * a zone from the exact lines it holds (this service's lines are approximate). {@code phrases}
     * are matched as whole words, case ignored, in the report's weapon and notes.
     */
    public record MonitorQualification(String id, String clause, String title, Phrases phrases, String source) {
        public MonitorQualification {
            phrases = Phrases.orNone(phrases);
        }
    }

    /**
     * A pattern over time this truce's pattern rules look for ({@code rules/<set>/patterns/}), with
     * its threshold: at least {@code atLeast} of what the rule counts (reports, areas) within
     * {@code withinHours} of event time. {@code weaponClass} narrows the acts counted to weapons of
     * that class. The source says where the threshold comes from; where the truce's text gives no
     * number, it says so and why this one was chosen. The clause a pattern enforces is its rule's
     * {@code @clause}, as for every rule.
     */
    public record PatternTerm(String id, String title, int atLeast, int withinHours,
            String weaponClass, String source) {

        public java.time.Duration window() {
            return java.time.Duration.ofHours(withinHours);
        }
    }
}
