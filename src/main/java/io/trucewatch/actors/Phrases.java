package io.trucewatch.actors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A configured list of phrases ("rebel-held", "holding area", "in violation of the withdrawal
 * lines") found in a report's text as whole words, case and accents ignored ({@link ActorNames#key}).
 * Each phrase is keyed once, when the configuration is read, rather than for every report: the
 * lists are read for every report and every truce. In the configuration files a list of strings.
 */
public final class Phrases {

    public static final Phrases NONE = new Phrases(List.of());

    private final List<String> phrases;
    /** Each phrase's key between spaces, so that a match is of whole words. */
    private final List<String> bounded;

    private Phrases(List<String> phrases) {
        this.phrases = List.copyOf(phrases);
        List<String> keys = new ArrayList<>(phrases.size());
        for (String phrase : phrases) {
            keys.add(" " + ActorNames.key(phrase) + " ");
        }
        this.bounded = List.copyOf(keys);
    }

    @JsonCreator
    public static Phrases of(List<String> phrases) {
        return phrases == null || phrases.isEmpty() ? NONE : new Phrases(phrases);
    }

    /** The list as configured, or none where the configuration leaves it out. */
    public static Phrases orNone(Phrases phrases) {
        return phrases == null ? NONE : phrases;
    }

    @JsonValue
    public List<String> asList() {
        return phrases;
    }

    public boolean isEmpty() {
        return phrases.isEmpty();
    }

    /** A report's texts keyed once, to look for several lists of phrases in. */
    public static Text text(String... texts) {
        List<String> keyed = new ArrayList<>(texts.length);
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                keyed.add(" " + ActorNames.key(text) + " ");
            }
        }
        return new Text(List.copyOf(keyed));
    }

    /** The first phrase, in list order, found in any of the texts as whole words; null if none is. */
    public String firstIn(Text text) {
        for (int i = 0; i < phrases.size(); i++) {
            for (String keyed : text.keyed()) {
                if (keyed.contains(bounded.get(i))) {
                    return phrases.get(i);
                }
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Phrases that && phrases.equals(that.phrases);
    }

    @Override
    public int hashCode() {
        return phrases.hashCode();
    }

    @Override
    public String toString() {
        return phrases.toString();
    }

    /** Texts of a report, each keyed between spaces. */
    public record Text(List<String> keyed) {
    }
}
