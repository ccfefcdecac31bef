package io.trucewatch.truces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The index answers as the terms' lists do: bounds in the truce's zone, "until" exclusive, the first term in order. */
class ActorTermIndexTest {

    private static final ZoneId DAMASCUS = ZoneId.of("Asia/Damascus");
    private static final LocalDateTime START = LocalDateTime.parse("2016-02-27T00:00");
    private static final LocalDateTime RENAMED = LocalDateTime.parse("2016-07-28T00:00");

    private static TruceTerms.ActorTerm term(String actor, LocalDateTime from, LocalDateTime until, String reason) {
        return new TruceTerms.ActorTerm(actor, from, until, reason, "a source", null);
    }

    private static TruceTerms.Party party(String name, String actor, LocalDateTime from, LocalDateTime until) {
        return new TruceTerms.Party(name, name + " side", List.of(actor), null, from, until, "a source");
    }

    private static ActorTermIndex index(List<TruceTerms.Party> parties, List<TruceTerms.ActorTerm> disputed,
            List<TruceTerms.ActorTerm> excluded, List<TruceTerms.Exemption> exemptions) {
        TruceTerms terms = new TruceTerms("t", "A truce", null, "Asia/Damascus", START, null, null, null, parties, disputed,
                excluded, exemptions, null, null, null, null, null, null, null, null, null);
        return new ActorTermIndex(terms);
    }

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(DAMASCUS).toInstant();
    }

    @Test
    void aTermHoldsFromItsStartInTheTrucesZoneUntilJustBeforeItsEnd() {
        ActorTermIndex index = index(List.of(), List.of(), List.of(term("nusra", START, RENAMED, "excluded by name")), List.of());

        assertEquals(Optional.empty(), index.excluded("nusra", local("2016-02-26T23:59")), "a minute before the start, local time");
        assertEquals("excluded by name", index.excluded("nusra", local("2016-02-27T00:00")).orElseThrow().reason());
        assertEquals("excluded by name", index.excluded("nusra", local("2016-07-27T23:59")).orElseThrow().reason());
        assertEquals(Optional.empty(), index.excluded("nusra", local("2016-07-28T00:00")), "the end is exclusive");
        assertEquals(Optional.empty(), index.excluded("ahrar", local("2016-03-01T00:00")), "another actor");
        assertEquals(Optional.empty(), index.disputed("nusra", local("2016-03-01T00:00")), "excluded is not disputed");
    }

    @Test
    void theFirstTermInTheTermsOrderThatCoversTheInstantWins() {
        ActorTermIndex index = index(List.of(), List.of(
                term("kurds", START, RENAMED, "first"),
                term("kurds", null, null, "open, second"),
                term("kurds", RENAMED, null, "third")), List.of(), List.of());

        assertEquals("first", index.disputed("kurds", local("2016-03-01T12:00")).orElseThrow().reason());
        assertEquals("open, second", index.disputed("kurds", local("2016-08-01T12:00")).orElseThrow().reason(),
                "after the first ends, the open second covers it before the third");
        assertEquals("open, second", index.disputed("kurds", local("2015-01-01T00:00")).orElseThrow().reason());
    }

    @Test
    void anActorIsBoundByTheFirstPartyNamingItWhileThatPartyIsBound() {
        ActorTermIndex index = index(List.of(
                party("Government", "saa", START, RENAMED),
                party("Later government", "saa", START, null),
                party("Opposition", "fsa", START, null)), List.of(), List.of(), List.of());

        assertEquals("Government", index.party("saa", local("2016-03-01T00:00")).orElseThrow().name());
        assertEquals("Later government", index.party("saa", local("2016-08-01T00:00")).orElseThrow().name());
        assertEquals("Opposition", index.party("fsa", local("2016-03-01T00:00")).orElseThrow().name());
        assertEquals(Optional.empty(), index.party("fsa", local("2016-02-26T23:00")), "before it was bound");
        assertEquals(Optional.empty(), index.party("is", local("2016-03-01T00:00")), "no party names it");
    }

    @Test
    void exemptionsNameTheirActorsWhateverTheDay() {
        ActorTermIndex index = index(List.of(), List.of(), List.of(), List.of(
                new TruceTerms.Exemption("clause 1", List.of("russia", "saa"), "IS and Nusra", "a source"),
                new TruceTerms.Exemption("clause 2", List.of("coalition"), "IS", "a source")));

        assertTrue(index.exempt("russia"));
        assertTrue(index.exempt("coalition"));
        assertFalse(index.exempt("fsa"));
    }
}
