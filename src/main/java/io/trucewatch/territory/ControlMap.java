package io.trucewatch.territory;

import java.time.Instant;
import java.util.List;

/**
 * Who controlled a place when, across every country with a control map. Coordinates are matched
 * by polygon containment; without them (or outside every polygon) by location, admin2 and admin1
 * names, most specific first.
 */
public final class ControlMap {

    private final List<CountryMap> countries;

    ControlMap(List<CountryMap> countries) {
        this.countries = List.copyOf(countries);
    }

    public static ControlMap empty() {
        return new ControlMap(List.of());
    }

    public Placement place(String country, String admin1, String admin2, String location,
            Double latitude, Double longitude, Instant at) {
        for (CountryMap map : countries) {
            boolean byName = map.claims(country, admin1);
            boolean byPoint = (country == null || country.isBlank()) && latitude != null && longitude != null
                    && map.contains(latitude, longitude);
            if (byName || byPoint) {
                return map.place(latitude, longitude, admin1, admin2, location, at);
            }
        }
        return Placement.unplaced(country == null || country.isBlank() ? null : country);
    }
}
