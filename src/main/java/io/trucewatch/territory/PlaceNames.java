package io.trucewatch.territory;

import io.trucewatch.actors.ActorNames;

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
                return key.substring(article.length());
            }
        }
        return key;
    }
}
