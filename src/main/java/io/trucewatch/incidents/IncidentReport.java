package io.trucewatch.incidents;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A validated, normalised incident report (CONTRACT §1): vocabulary in its canonical spelling,
 * {@code occurred_at} in UTC, blank strings dropped. Two submissions are "the same content" when
 * their normalised reports are equal.
 *
 * <p>One component per {@link ReportField}, named as its wire name in camelCase; parsers build it
 * through {@link ReportValues}, by field, never by position. The stored JSON and its hash do not
 * depend on the components' order: {@code CanonicalJson} sorts keys.
 */
public record IncidentReport(
        String externalId,
        LocalDate eventDate,
        Instant occurredAt,
        Integer timePrecision,
        String eventType,
        String subEventType,
        String actor1,
        @JsonProperty("assoc_actor_1") String assocActor1,
        String actor2,
        @JsonProperty("assoc_actor_2") String assocActor2,
        Boolean civilianTargeting,
        String weapon,
        String country,
        String admin1,
        String admin2,
        String admin3,
        String location,
        Double latitude,
        Double longitude,
        Integer geoPrecision,
        Integer fatalities,
        String source,
        String sourceScale,
        String notes) {
}
