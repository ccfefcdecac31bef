package io.trucewatch.incidents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** ACLED's event types and the sub-event types of each (CONTRACT §3), matched case-insensitively. */
public final class EventVocabulary {

    private static final Map<String, List<String>> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("Battles", List.of("Armed clash", "Government regains territory",
                "Non-state actor overtakes territory"));
        TYPES.put("Explosions/Remote violence", List.of("Chemical weapon", "Air/drone strike", "Suicide bomb",
                "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"));
        TYPES.put("Violence against civilians", List.of("Sexual violence", "Attack",
                "Abduction/forced disappearance"));
        TYPES.put("Protests", List.of("Peaceful protest", "Protest with intervention",
                "Excessive force against protesters"));
        TYPES.put("Riots", List.of("Violent demonstration", "Mob violence"));
        TYPES.put("Strategic developments", List.of("Agreement", "Arrests", "Change to group/activity",
                "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction",
                "Non-violent transfer of territory", "Other"));
    }

    private EventVocabulary() {
    }

    public static Optional<String> eventType(String value) {
        return canonical(TYPES.keySet(), value);
    }

    public static Optional<String> subEventType(String eventType, String value) {
        return canonical(TYPES.getOrDefault(eventType, List.of()), value);
    }

    public static Iterable<String> eventTypes() {
        return TYPES.keySet();
    }

    public static List<String> subEventTypes(String eventType) {
        return TYPES.getOrDefault(eventType, List.of());
    }

    private static Optional<String> canonical(Iterable<String> spellings, String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (String spelling : spellings) {
            if (spelling.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(spelling);
            }
        }
        return Optional.empty();
    }
}
