package io.trucewatch.territory;

import io.trucewatch.actors.Phrases;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One country's control map as written in {@code config/control/<country>.yaml}: which areas
 * there are, how they are recognised (polygon, place names, admin areas) and who controlled
 * each of them when, with the public source for every period.
 */
public record ControlFile(
        String country,
        String timeZone,
        String geometry,
        Map<String, List<String>> admin1Names,
        List<Area> areas,
        List<String> pointFiles,
        List<String> sectorFiles,
        Double pointRadiusKm,
        Double pointsAroundKm,
        List<DescribedHolder> describedHolders,
        List<AirForce> airForces) {

    /** The controller of a place no single side held: front lines, or sources that disagree. */
    public static final String CONTESTED = "contested";

    public ControlFile {
        admin1Names = admin1Names == null ? Map.of() : Map.copyOf(admin1Names);
        areas = areas == null ? List.of() : List.copyOf(areas);
        pointFiles = pointFiles == null ? List.of() : List.copyOf(pointFiles);
        sectorFiles = sectorFiles == null ? List.of() : List.copyOf(sectorFiles);
        describedHolders = describedHolders == null ? List.of() : List.copyOf(describedHolders);
        airForces = airForces == null ? List.of() : List.copyOf(airForces);
    }

    /**
     * An air force that flew strikes in the country from {@code from} (inclusive) to {@code to}
     * (exclusive, open if null), in the governorates {@code admin1} (canonical names; empty: the
     * whole country). Who may have flown an air strike a report does not attribute.
     */
    public record AirForce(String actor, LocalDate from, LocalDate to, List<String> admin1, String source, String note) {
        public AirForce {
            admin1 = admin1 == null ? List.of() : List.copyOf(admin1);
        }

        /** Whether it struck in {@code governorate} (null: unknown, so anywhere) on some day of [first, last]. */
        public boolean struckIn(String governorate, LocalDate first, LocalDate last) {
            boolean when = (from == null || !last.isBefore(from)) && (to == null || first.isBefore(to));
            boolean where = admin1.isEmpty() || governorate == null || admin1.contains(governorate);
            return when && where;
        }
    }

    /**
     * Words reports use to name a place by who held it ("rebel-held areas of Aleppo", "the
     * regime-held west"), and the actor they mean. Used only for a report nothing else places.
     */
    public record DescribedHolder(Phrases words, String holder, String source) {
        public DescribedHolder {
            words = Phrases.orNone(words);
        }
    }

    /**
     * @param polygon   the id of a feature in the country's GeoJSON file, matched by containment
     * @param locations place names (ACLED {@code location}) that fall in the area
     * @param admin2    district names that fall in the area
     * @param admin1    governorate names that fall in the area
     */
    public record Area(String id, String name, String polygon, List<String> locations, List<String> admin2,
            List<String> admin1, List<Period> control) {
        public Area {
            locations = locations == null ? List.of() : List.copyOf(locations);
            admin2 = admin2 == null ? List.of() : List.copyOf(admin2);
            admin1 = admin1 == null ? List.of() : List.copyOf(admin1);
            control = control == null ? List.of() : List.copyOf(control);
        }
    }

    /**
     * Who held an area from {@code from} (inclusive) to {@code to} (exclusive, open if null).
     * {@code alongside}: other armed actors the source places in the same ground beside the holder
     * (Nusra fighters among a rebel town's factions); the holding is then mixed, not the holder's alone.
     */
    public record Period(String controller, List<String> alongside, LocalDate from, LocalDate to, String source,
            String note) {
        public Period {
            alongside = alongside == null ? List.of() : List.copyOf(alongside);
        }

        /** Who held the ground, with whom: two periods with the same holding are the same side's ground. */
        public String holding() {
            return alongside.isEmpty() ? controller : controller + "+" + String.join("+", alongside.stream().sorted().toList());
        }

        /** "Armed opposition with Jabhat al-Nusra", given how to name an actor id. */
        public String holderName(Function<String, String> nameOf) {
            return nameOf.apply(controller) + alongside.stream().map(id -> " with " + nameOf.apply(id)).collect(Collectors.joining());
        }

        public boolean covers(LocalDate day) {
            return (from == null || !day.isBefore(from)) && (to == null || day.isBefore(to));
        }
    }
}
