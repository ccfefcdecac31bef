package io.trucewatch.territory;

import io.trucewatch.actors.ActorNames;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Lookup keys for place names: case, accents and punctuation ignored as for actor names, and a
 * leading Arabic article dropped, since reports write "Al-Rai", "ar-Ra'i" and "Rai" alike.
 */
public final class PlaceNames {

    private PlaceNames() {
    }

    public static String key(String name) {
        String key = ActorNames.key(name);
        for (String article : new String[] {"al ", "el ", "ar ", "as ", "ash ", "ad ", "at ", "az ", "an "}) {
            if (key.startsWith(article) && key.length() > article.length()) {
                key = key.substring(article.length());
                break;
            }
        }
        // Most keys have no such ending: no regular expression for them (keys are made per report).
        return key.contains("ah") || key.contains("eh") ? TAA_MARBUTA.matcher(key).replaceAll("a") : key;
    }

    /**
     * The feminine ending (taa marbuta) is written -a, -ah or -eh: "al-Houleh", "Houlah" and
     * "Houla" are one town. Only after two or more letters, so that short words stay as written.
     */
    private static final Pattern TAA_MARBUTA = Pattern.compile("(?<=\\p{L}{2})[ae]h\\b");

    /**
     * A looser key, for a name the exact key does not find: "Deir Muqrin" and "Dayr Miqrin", "Kfar
     * Nabl" and "Kafr Nabel", "Harbnafseh" and "Harbnafsah" are one loose key. Articles anywhere
     * ({@link ActorNames#ARABIC_ARTICLES}) are dropped, vowels (and y) too, q written as k, doubled letters made single, the words run
     * together. Empty when too little is left to tell places apart. Loose keys collide more than
     * exact ones: callers use them only within a governorate and only when one place has the key.
     */
    public static String looseKey(String name) {
        StringBuilder skeleton = new StringBuilder();
        String last = "";
        for (String word : ActorNames.key(name).split(" ")) {
            if (word.isEmpty() || ActorNames.ARABIC_ARTICLES.contains(word)) {
                continue;
            }
            last = word;
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i) == 'q' ? 'k' : word.charAt(i);
                if ("aeiouy".indexOf(c) >= 0) {
                    continue;
                }
                if (skeleton.length() == 0 || skeleton.charAt(skeleton.length() - 1) != c) {
                    skeleton.append(c);
                }
            }
        }
        if (skeleton.length() < 3) {
            return "";
        }
        // A final vowel is kept as a mark: "al-Kamari" and "Kimar", "Qanatir" and "Qantara" are other
        // words, not other spellings (a name's ending, -i, -a or -ah, is written in every spelling of it).
        return VOWEL_ENDING.matcher(last).find() ? skeleton + "-" : skeleton.toString();
    }

    /** A word ending in a vowel, or in -ah / -eh (the feminine ending written with h). */
    private static final Pattern VOWEL_ENDING = Pattern.compile("(?:[aeiouy]|[ae]h)$");

    /**
     * The names a report's location can be read as: the whole of it, then each part a comma,
     * semicolon, bracket or "and" sets off, in order, each also without words that point at a part of
     * the place ("the outskirts of"). Monitors write "Deir Muqrin, Wadi Barada", "al-Miadin
     * (north-western entrance)", "Kafr Kar, Mintar and Banan"; the settlement is in there, usually
     * first.
     */
    public static List<String> readings(String location) {
        List<String> readings = new ArrayList<>();
        if (location == null || location.isBlank()) {
            return readings;
        }
        readings.add(location.strip());
        for (String part : PARTS.split(location)) {
            String bare = KIND.matcher(QUALIFIERS.matcher(part.strip()).replaceAll("").strip()).replaceAll("").strip();
            for (String name : List.of(part.strip(), QUALIFIERS.matcher(part.strip()).replaceAll("").strip(), bare)) {
                if (!name.isEmpty() && !readings.contains(name)) {
                    readings.add(name);
                }
            }
        }
        return readings;
    }

    /**
     * Words that point at a part of a place or at its own lands: its outskirts and edges, "the area
     * of" or "… area", "the farms of" or "… farms" are the place. Monitors write a town's area and
     * farmland so (SOHR's "منطقة" and "مزارع": "Harasta area", "farms of Jisrin"), and judge them by
     * who held the town; a map point for the farms themselves ("Bala farms") is found first, by the
     * whole name. Words that point beyond it ("near", "around", "the surroundings of") are not taken
     * off: ground near a town may be another side's (Om Kharaza near IS-held Deir Hafer).
     */
    /** Where a location written as several places splits ("Kafr Kar, Mintar and Banan"). */
    private static final Pattern PARTS = Pattern.compile("[,;()\\[\\]]|\\s+and\\s+");

    private static final Pattern QUALIFIERS = Pattern.compile(
            "^(?:the\\s+)?(?:outskirts|edges?|area|farms|farmlands?)\\s+of\\s+(?:the\\s+)?(?:(?:town|village|city)\\s+of\\s+)?"
                    + "|\\s+(?:area|farms)$",
            Pattern.CASE_INSENSITIVE);

    /**
     * What kind of settlement it is, before or after the name: "the village of Anadan", "Anadan
     * village", "Khan al-Sheeh camp" (a camp beside a town is written with the town's name), "al-Marja
     * district" (a city's districts are points of their own).
     */
    private static final Pattern KIND = Pattern.compile(
            "^(?:the\\s+)?(?:town|village|city|camp|district|neighbou?rhood|quarter)\\s+of\\s+"
                    + "|\\s+(?:town|village|city|camp|district|neighbou?rhood|quarter)$",
            Pattern.CASE_INSENSITIVE);
}
