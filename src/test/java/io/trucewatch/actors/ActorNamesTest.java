package io.trucewatch.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ActorNamesTest {

    /** The general definition of a key, which the ASCII fast path must agree with. */
    private static String slowKey(String name) {
        String unaccented = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return unaccented.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    @Test
    void accentsCasePunctuationAndBracketsAreIgnored() {
        assertEquals("jabhat al nusra", ActorNames.key("Jabhat al-Nusra"));
        assertEquals("jabhat al nusra", ActorNames.key("  JABHAT   AL NUSRA!"));
        assertEquals("jabhat al nusra", ActorNames.key("Jabhat al\u2011Nu\u1e63ra"));
        assertEquals("military forces of russia 2000", ActorNames.key("Military Forces of Russia (2000-)"));
        assertEquals("islamic state", ActorNames.unqualifiedKey("Islamic State (Syria)"));
        assertEquals("", ActorNames.key(null));
        assertEquals("", ActorNames.key(" -- "));
    }

    /** GeoNames romanises the emphatic s (sad) as ş: keys fold it to s, as its own ASCII form writes it. */
    @Test
    void anEmphaticSWrittenWithACedillaIsAnS() {
        assertEquals(ActorNames.key("As Sanamayn"), ActorNames.key("Aş Şanamayn"));
        assertEquals("salkhad", ActorNames.key("Şalkhad"));
    }

    @Test
    void asciiFastPathAgreesWithTheGeneralDefinition() {
        Random random = new Random(2016);
        for (int n = 0; n < 20_000; n++) {
            char[] chars = new char[random.nextInt(24)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = (char) random.nextInt(0x80);
            }
            String name = new String(chars);
            assertEquals(slowKey(name), ActorNames.asciiKey(name), () -> "key of '" + name + "'");
        }
    }

    @Test
    void dottedAbbreviationsAreOneWord() {
        assertEquals(ActorNames.key("US-led coalition"), ActorNames.key("U.S.-led coalition"));
        assertEquals("un forces", ActorNames.key("U.N. forces"));
        assertEquals("jabhat al nusra", ActorNames.key("Jabhat al.Nusra"), "only single letters join");
    }
}
