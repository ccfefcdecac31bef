package io.trucewatch.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A report's own words for which side of a truce's start or end its act fell, as monitors and news write them. */
class ReportedTimingTest {

    private static final List<String> SUNDOWN = List.of("sundown", "sunset");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Hours before the 19:00 start. No casualties reported.|BEFORE|before the 19:00 start",
        "Reported by residents less than an hour after sundown.|AFTER|after sundown",
        "The raids went on until shortly before the truce took effect.|BEFORE|before the truce took effect",
        "Shelling resumed two hours after the ceasefire came into force.|AFTER|after the ceasefire came into force",
        "A rebel statement an hour into the truce.|AFTER|into the truce",
        "Strikes ahead of the cessation, residents said.|BEFORE|ahead of the cessation",
    })
    void wordsThatPlaceTheActAgainstTheStart(String notes, ReportedTiming.Side side, String words) {
        Optional<ReportedTiming.Reading> reading = ReportedTiming.ofStart(notes, SUNDOWN);
        assertEquals(side, reading.orElseThrow().side(), notes);
        assertEquals(words, reading.get().words());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "The killing may have taken place just before or after the start.",
        "Night of 19 Sep 2016.",
        "At about 21:00 local time.",
        "Before the start the town was calm; the shelling came after the truce began.",
        "Strikes continued after sundown.",
        "''",
    })
    void wordsThatDoNotSayOnWhichSideSayNothing(String notes) {
        List<String> words = notes.contains("sundown") ? List.of() : SUNDOWN;
        assertTrue(ReportedTiming.ofStart(notes, words).isEmpty(), notes);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Hours after the Syrian army declared the truce over, jets returned.|AFTER",
        "After the army announced the end of the truce, bombing resumed.|AFTER",
        "Shelled before the ceasefire expired.|BEFORE",
    })
    void wordsThatPlaceTheActAgainstTheEnd(String notes, ReportedTiming.Side side) {
        assertEquals(side, ReportedTiming.ofEnd(notes, List.of()).orElseThrow().side(), notes);
        assertTrue(ReportedTiming.ofStart(notes, List.of()).isEmpty() || notes.contains("before the ceasefire"),
                "end words are not start words: " + notes);
    }
}
