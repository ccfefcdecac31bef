package io.trucewatch.territory;

/**
 * Where a report was placed on the control map, and how.
 *
 * @param country   the country, from the report or from the map that matched (null if neither)
 * @param placeId   the control point or area that matched and has a controller at that time, or null
 * @param placeName its name
 * @param period    who controlled it then, or null
 * @param matchedBy how it was found: point, polygon, location, admin2 or admin1
 * @param how       the same in words, for explanations: "nearest settlement Bza'a, 2.1 km away"
 */
public record Placement(String country, String placeId, String placeName, ControlFile.Period period, String matchedBy,
        String how) {

    public static Placement unplaced(String country) {
        return new Placement(country, null, null, null, null, null);
    }

    public boolean hasController() {
        return period != null;
    }
}
