package io.trucewatch.actors;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns an actor name as a monitor or ACLED writes it into a lookup key: accents, case and
 * punctuation are ignored, so "Jabhat al-Nusra", "JABHAT AL NUSRA" and "Jabhat al‑Nuṣra" are one key.
 */
public final class ActorNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** ACLED qualifies names with a country or period in brackets: "Islamic State (Syria)". */
    private static final Pattern BRACKETED = Pattern.compile("\\([^)]*\\)");

    private ActorNames() {
    }

    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        String unaccented = MARKS.matcher(decomposed).replaceAll("");
        return NOT_ALPHANUMERIC.matcher(unaccented.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** The key of the name without its bracketed qualifiers, tried when the full name is unknown. */
    public static String unqualifiedKey(String name) {
        return name == null ? "" : key(BRACKETED.matcher(name).replaceAll(" "));
    }
}
