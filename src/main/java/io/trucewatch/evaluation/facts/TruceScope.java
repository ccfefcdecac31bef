package io.trucewatch.evaluation.facts;

import java.time.Instant;
import java.util.Set;

/** When and where the truce being evaluated applies. {@code endsAt} is null for an open-ended truce. */
public record TruceScope(String truceId, Instant startsAt, Instant endsAt, Set<String> countries, String timeZone) {
    public TruceScope {
        countries = Set.copyOf(countries);
    }
}
