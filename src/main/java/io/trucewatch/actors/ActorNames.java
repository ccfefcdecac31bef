package io.trucewatch.actors;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
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
    /** A single letter followed by a dot, with another single letter after it: "U." of "U.S.". */
    private static final Pattern DOTTED_LETTER = Pattern.compile("(?<![\\p{L}\\p{N}])(\\p{L})\\.(?=\\p{L}(?![\\p{L}\\p{N}]))");

    private ActorNames() {
    }

    public static String key(String name) {
        if (name == null) {
            return "";
        }
        if (name.indexOf('.') >= 0) {
            // "U.S.", "U.N.": an abbreviation's letters are one word, as in "US" and "UN".
            name = DOTTED_LETTER.matcher(name).replaceAll("$1");
        }
        if (isAscii(name)) {
            return asciiKey(name);
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        String unaccented = MARKS.matcher(decomposed).replaceAll("");
        return NOT_ALPHANUMERIC.matcher(unaccented.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    private static boolean isAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * The same key for plain ASCII names (nearly all of them) without Unicode normalisation or
     * regular expressions, which profiled as the largest cost of building a report's facts:
     * lower case, every run of other characters than letters and digits one space, trimmed.
     */
    static String asciiKey(String name) {
        StringBuilder key = new StringBuilder(name.length());
        boolean gap = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (gap && key.length() > 0) {
                    key.append(' ');
                }
                key.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return key.toString();
    }

    /**
     * The Arabic article and its forms assimilated to the next letter, as writers vowel them (a-, e-,
     * u-: "ad-Din", "ed-Din", "ud-Din"), as words of a key. Not "us" and "un", which are also "US"
     * and "UN". Loose keys of actors and of places drop them.
     */
    public static final Set<String> ARABIC_ARTICLES = Set.of("al", "el", "ul", "ash", "as", "ad", "ar", "at", "az", "an",
            "ath", "adh", "esh", "es", "ed", "er", "et", "ez", "en", "eth", "ush", "ud", "ur", "uz", "the");

    /** The key of the name without its bracketed qualifiers, tried when the full name is unknown. */
    public static String unqualifiedKey(String name) {
        return name == null ? "" : key(BRACKETED.matcher(name).replaceAll(" "));
    }
}
