package io.trucewatch.territory;

/**
 * Where a report was placed on the control map.
 *
 * @param country   the country, from the report or from the area that matched (null if neither)
 * @param area      the most specific area that matched and has a controller at that time, or null
 * @param period    who controlled {@code area} then, or null
 * @param matchedBy how the area was found: polygon, location, admin2 or admin1
 */
public record Placement(String country, ControlFile.Area area, ControlFile.Period period, String matchedBy) {

    public static Placement unplaced(String country) {
        return new Placement(country, null, null, null);
    }

    public boolean hasController() {
        return period != null;
    }
}
