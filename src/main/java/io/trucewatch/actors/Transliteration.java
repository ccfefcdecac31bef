package io.trucewatch.actors;

/**
 * A looser key for Arabic names written in Latin letters, tried only when the exact key and the key
 * without brackets find nothing: "Jaysh al-Fath", "Jeish el-Fateh" and "Jaish al-Fatah" are one
 * loose key. Articles (al-, el-, ash-, ed-, …) are dropped, vowel spellings folded (ay/ey/ei → ai,
 * ou/oo → u, ee → i, e → a), a final h after a vowel dropped (Nusrah → Nusra) and doubled letters
 * made single. Keys two actors share are not used (see {@link ActorRegistry}).
 */
final class Transliteration {

    private Transliteration() {
    }

    static String looseKey(String name) {
        StringBuilder key = new StringBuilder();
        for (String word : ActorNames.key(name).split(" ")) {
            if (word.isEmpty() || ActorNames.ARABIC_ARTICLES.contains(word)) {
                continue;
            }
            if (key.length() > 0) {
                key.append(' ');
            }
            key.append(fold(word));
        }
        return key.toString();
    }

    private static String fold(String word) {
        String w = word.replace("ay", "ai").replace("ey", "ai").replace("ei", "ai").replace("ou", "u")
                .replace("oo", "u").replace("ee", "i").replace('e', 'a');
        if (w.length() > 3 && w.endsWith("h") && "aiu".indexOf(w.charAt(w.length() - 2)) >= 0) {
            w = w.substring(0, w.length() - 1);
        }
        StringBuilder single = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            if (i == 0 || w.charAt(i) != w.charAt(i - 1)) {
                single.append(w.charAt(i));
            }
        }
        return single.toString();
    }
}
