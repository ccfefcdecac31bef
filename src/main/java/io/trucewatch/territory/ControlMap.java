package io.trucewatch.territory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who controlled a place when, across every country with a control map: by the nearest settlement
 * of known control, by polygon, then by names, most specific first (see {@link CountryMap}).
 */
public final class ControlMap {

    private final List<CountryMap> countries;

    ControlMap(List<CountryMap> countries) {
        this.countries = List.copyOf(countries);
    }

    /** A country's control data as a map draws it, with every period: the data placement uses. */
    public Optional<CountryLayer> layer(String country) {
        return countries.stream().filter(map -> map.isCountry(country)).map(CountryMap::layer).findFirst();
    }

    public static ControlMap empty() {
        return new ControlMap(List.of());
    }

    /**
     * The governorate (oblast) as the country's map names it ("Lattakia" for "Latakia"): one area
     * however a report spells it. A name no map knows is kept as written (stripped); none is null.
     */
    public String governorate(String country, String admin1) {
        if (admin1 == null || admin1.isBlank()) {
            return null;
        }
        return countries.stream().filter(map -> map.claims(country, admin1)).findFirst()
                .flatMap(map -> map.governorate(admin1)).orElse(admin1.strip());
    }

    /**
     * Who may have flown an air strike the report does not attribute: the air forces the country's
     * map says struck in its governorate at some time between the two instants. Empty where no map
     * claims the report or the map names none.
     */
    public List<String> airForcesOver(String country, String admin1, Instant earliest, Instant latest) {
        return countries.stream().filter(map -> map.claims(country, admin1)).findFirst()
                .map(map -> map.airForcesOver(admin1, earliest, latest)).orElse(List.of());
    }

    public Placement place(String country, String admin1, String admin2, String location,
            Double latitude, Double longitude, Integer geoPrecision, Instant at) {
        for (CountryMap map : countries) {
            boolean byName = map.claims(country, admin1);
            boolean byPoint = (country == null || country.isBlank()) && latitude != null && longitude != null
                    && map.contains(latitude, longitude);
            if (byName || byPoint) {
                return map.place(latitude, longitude, geoPrecision, admin1, admin2, location, at);
            }
        }
        return Placement.unplaced(country == null || country.isBlank() ? null : country);
    }
}
