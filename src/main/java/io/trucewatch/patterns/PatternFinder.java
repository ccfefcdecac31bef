package io.trucewatch.patterns;

import io.trucewatch.evaluation.Verdict;
import io.trucewatch.patterns.facts.Act;
import io.trucewatch.patterns.facts.PatternHit;
import io.trucewatch.patterns.facts.PatternThreshold;
import io.trucewatch.patterns.facts.TriggerSpan;
import io.trucewatch.truces.Truce;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.kie.api.KieBase;

/**
 * Finds one pattern of one truce in chosen periods: runs the truce's rules over time on the acts
 * that windows ending in those periods can hold, and gathers the hits of each period, party and key
 * into one {@link DetectedPattern}. A pure function of its arguments.
 */
public final class PatternFinder {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ROOT);

    private PatternFinder() {
    }

    /**
     * The patterns whose windows end in {@code periods}. {@code acts} must hold every act of the
     * truce from {@link PatternPeriods#actsAfter} the first period to the end of the last; acts
     * outside that span change nothing.
     */
    public static List<DetectedPattern> find(KieBase rules, Truce truce, PatternThreshold threshold,
            Set<Long> periods, List<Act> acts) {
        PatternPeriods span = PatternPeriods.of(truce.startsAt(), threshold);
        TriggerSpan triggers = new TriggerSpan(span.start(periods.stream().min(Long::compare).orElseThrow()),
                span.end(periods.stream().max(Long::compare).orElseThrow()));
        // Hits are gathered as they come: a window's reports join its group's, and the hit is let go.
        Map<String, Group> groups = new TreeMap<>();
        PatternDetector.detect(rules, List.of(threshold), triggers, acts, hit -> {
            long period = span.index(hit.at());
            if (periods.contains(period)) {
                groups.computeIfAbsent(period + "\u0000" + hit.party() + "\u0000" + hit.key(), k -> new Group()).add(hit);
            }
        });
        Map<String, Act> actOf = new HashMap<>();
        acts.forEach(a -> actOf.putIfAbsent(a.incidentId(), a));
        List<DetectedPattern> found = new ArrayList<>();
        for (Group group : groups.values()) {
            found.add(gather(truce, threshold, span, group, actOf));
        }
        return found;
    }

    /** The hits of one period, party and key: the union of their windows and the widest of them. */
    private static final class Group {
        /** The widest window speaks for the pattern (the latest of equals: it has seen the most). */
        private static final Comparator<PatternHit> WIDER = Comparator.comparingInt((PatternHit h) -> h.incidents().size())
                .thenComparingLong(PatternHit::at).thenComparing(PatternHit::incidentId);
        final Set<String> incidents = new HashSet<>();
        final Set<String> areas = new HashSet<>();
        boolean review;
        PatternHit widest;

        void add(PatternHit hit) {
            incidents.addAll(hit.incidents());
            areas.addAll(hit.areas());
            review |= hit.verdict() != Verdict.PROBABLE_VIOLATION;
            if (widest == null || WIDER.compare(hit, widest) > 0) {
                widest = hit;
            }
        }
    }

    /** Every pattern of every threshold of {@code truce} that {@code acts} make, in any period. */
    public static List<DetectedPattern> findAll(KieBase rules, Truce truce, List<Act> acts) {
        List<Act> own = acts.stream().filter(a -> a.truce().equals(truce.id())).toList();
        List<DetectedPattern> found = new ArrayList<>();
        if (rules == null || own.isEmpty()) {
            return found;
        }
        long earliest = own.stream().mapToLong(Act::at).min().orElseThrow();
        long latest = own.stream().mapToLong(Act::at).max().orElseThrow();
        for (PatternThreshold threshold : PatternDetector.thresholds(truce.terms())) {
            PatternPeriods span = PatternPeriods.of(truce.startsAt(), threshold);
            Set<Long> periods = new TreeSet<>();
            for (long p = span.firstAffected(earliest); p <= span.lastAffected(latest); p++) {
                periods.add(p);
            }
            found.addAll(find(rules, truce, threshold, periods, own));
        }
        return found;
    }

    private static DetectedPattern gather(Truce truce, PatternThreshold threshold, PatternPeriods span, Group group,
            Map<String, Act> actOf) {
        PatternHit widest = group.widest;
        long period = span.index(widest.at());
        Set<String> incidents = new TreeSet<>(group.incidents);
        long firstAct = incidents.stream().mapToLong(i -> actOf.get(i).at()).min().orElse(widest.at());
        long lastAct = incidents.stream().mapToLong(i -> actOf.get(i).at()).max().orElse(widest.at());
        List<DetectedPattern.Member> members = incidents.stream().map(actOf::get)
                .map(a -> new DetectedPattern.Member(a.incidentId(), a.version(), a.reviewStatus())).toList();
        Instant periodStart = Instant.ofEpochMilli(span.start(period));
        Instant periodEnd = Instant.ofEpochMilli(span.end(period));
        String explanation = widest.explanation() + " In all " + incidents.size() + " reports, from "
                + local(truce, firstAct) + " to " + local(truce, lastAct) + " (" + truce.terms().timeZone()
                + "), in windows ending between " + local(truce, periodStart.toEpochMilli()) + " and "
                + local(truce, periodEnd.toEpochMilli()) + ".";
        String id = id(truce.id(), threshold.pattern(), widest.party(), widest.key(), periodStart);
        return new DetectedPattern(id, truce.id(), threshold.pattern(), threshold.title(), widest.rule(), widest.clause(),
                group.review ? Verdict.NEEDS_REVIEW : Verdict.PROBABLE_VIOLATION, widest.party(), widest.key(), periodStart,
                periodEnd, Instant.ofEpochMilli(firstAct), Instant.ofEpochMilli(lastAct), members,
                List.copyOf(new TreeSet<>(group.areas)), explanation);
    }

    /** The same (truce, pattern, party, key, period) always has the same id. */
    static String id(String truce, String pattern, String party, String key, Instant periodStart) {
        String name = String.join("\u0000", truce, pattern, String.valueOf(party), String.valueOf(key), periodStart.toString());
        return "pat_" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    private static String local(Truce truce, long at) {
        return WHEN.format(Instant.ofEpochMilli(at).atZone(truce.zone()));
    }
}
