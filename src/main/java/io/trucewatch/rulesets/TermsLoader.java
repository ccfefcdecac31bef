package io.trucewatch.rulesets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.trucewatch.actors.Actor;
import io.trucewatch.actors.ActorRegistry;
import io.trucewatch.territory.ControlFile;
import io.trucewatch.territory.ControlMap;
import io.trucewatch.territory.ControlMaps;
import io.trucewatch.territory.ControlPoint;
import io.trucewatch.territory.GeoJsonLines;
import io.trucewatch.territory.SectorPresence;
import io.trucewatch.truces.Truce;
import io.trucewatch.truces.TruceTerms;
import io.trucewatch.weapons.Weapon;
import io.trucewatch.weapons.WeaponRegistry;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads and checks {@code config/} from a snapshot. Every problem is collected with its file and
 * key (and line, where the YAML parser knows it), so one failed start-up lists them all.
 */
public final class TermsLoader {

    static final String ACTORS = "config/actors.yaml";
    static final String WEAPONS = "config/weapons.yaml";
    static final String TRUCES = "config/truces/";
    static final String CONTROL = "config/control/";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final ObjectMapper JSON = new ObjectMapper();

    record ActorsFile(List<Actor> actors) {
    }

    record WeaponsFile(List<Weapon> weapons) {
    }

    private final RulesetSnapshot snapshot;
    private final List<RulesetException.Error> errors = new ArrayList<>();

    private TermsLoader(RulesetSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    public static Terms load(RulesetSnapshot snapshot) {
        return new TermsLoader(snapshot).load();
    }

    private Terms load() {
        ActorRegistry actors = loadActors();
        WeaponRegistry weapons = loadWeapons();
        Map<String, Truce> truces = new LinkedHashMap<>();
        snapshot.under(TRUCES).forEach((path, text) -> {
            if (path.endsWith(".yaml") || path.endsWith(".yml")) {
                TruceTerms terms = parse(path, text, TruceTerms.class, ConfigSchemas.TRUCE);
                if (terms != null && actors != null && checkTruce(path, terms, actors) & checkPatterns(path, terms, weapons)) {
                    Map<String, Geometry> lines = loadLines(path, terms);
                    if (lines != null && checkZones(path, terms) & checkSitesAndQualifications(path, terms)) {
                        truces.put(terms.id(), new Truce(terms, actors, lines));
                    }
                }
            }
        });
        if (truces.isEmpty() && errors.isEmpty()) {
            error(TRUCES, "no truce is configured");
        }
        ControlMap control = actors == null ? ControlMap.empty() : loadControl(actors);
        if (!errors.isEmpty()) {
            throw new RulesetException(errors);
        }
        return new Terms(actors, weapons, Collections.unmodifiableMap(new TreeMap<>(truces)), control);
    }

    private ActorRegistry loadActors() {
        String text = snapshot.files().get(ACTORS);
        if (text == null) {
            error(ACTORS, "file is missing");
            return null;
        }
        ActorsFile file = parse(ACTORS, text, ActorsFile.class, ConfigSchemas.ACTORS);
        if (file == null || file.actors() == null) {
            if (file != null) {
                error(ACTORS, "actors: required");
            }
            return null;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < file.actors().size(); i++) {
            Actor actor = file.actors().get(i);
            ids.add(actor.id());
        }
        for (int i = 0; i < file.actors().size(); i++) {
            List<String> members = file.actors().get(i).members();
            for (int m = 0; m < members.size(); m++) {
                if (!ids.contains(members.get(m))) {
                    error(ACTORS, "actors[" + i + "].members[" + m + "]: unknown actor '" + members.get(m) + "'");
                }
            }
            List<Actor.Membership> memberOf = file.actors().get(i).memberOf();
            for (int m = 0; m < memberOf.size(); m++) {
                if (!ids.contains(memberOf.get(m).actor())) {
                    error(ACTORS, "actors[" + i + "].member_of[" + m + "].actor: unknown actor '" + memberOf.get(m).actor() + "'");
                }
            }
        }
        try {
            return ActorRegistry.of(file.actors());
        } catch (IllegalArgumentException e) {
            error(ACTORS, "actors: " + e.getMessage());
            return null;
        }
    }

    private WeaponRegistry loadWeapons() {
        String text = snapshot.files().get(WEAPONS);
        if (text == null) {
            return WeaponRegistry.of(List.of());
        }
        WeaponsFile file = parse(WEAPONS, text, WeaponsFile.class, ConfigSchemas.WEAPONS);
        if (file == null || file.weapons() == null) {
            return WeaponRegistry.of(List.of());
        }
        try {
            return WeaponRegistry.of(file.weapons());
        } catch (IllegalArgumentException e) {
            error(WEAPONS, "weapons: " + e.getMessage());
            return WeaponRegistry.of(List.of());
        }
    }

    private boolean checkTruce(String path, TruceTerms terms, ActorRegistry actors) {
        int before = errors.size();
        try {
            ZoneId.of(terms.timeZone());
        } catch (DateTimeException e) {
            error(path, "time_zone: '" + terms.timeZone() + "' is not a tz database zone");
        }
        if (terms.ends() != null && !terms.ends().isAfter(terms.starts())) {
            error(path, "ends: must be after starts");
        }
        if (terms.endBasis() != null && terms.ends() == null) {
            error(path, "end_basis: says why the truce ends, but it has no ends");
        }
        Set<String> clauseIds = new HashSet<>();
        for (int i = 0; i < terms.clauses().size(); i++) {
            TruceTerms.Clause clause = terms.clauses().get(i);
            if (clause.id() != null && !clauseIds.add(clause.id())) {
                error(path, "clauses[" + i + "].id: '" + clause.id() + "' is used twice");
            }
        }
        for (int i = 0; i < terms.parties().size(); i++) {
            TruceTerms.Party party = terms.parties().get(i);
            knownActors(path, "parties[" + i + "].actors", party.actors(), actors);
        }
        checkActorTerms(path, "excluded", terms, terms.excluded(), actors);
        checkActorTerms(path, "disputed", terms, terms.disputed(), actors);
        for (int i = 0; i < terms.exemptions().size(); i++) {
            TruceTerms.Exemption exemption = terms.exemptions().get(i);
            knownActors(path, "exemptions[" + i + "].actors", exemption.actors(), actors);
            if (exemption.clause() != null && !terms.hasClause(exemption.clause())) {
                error(path, "exemptions[" + i + "].clause: unknown clause '" + exemption.clause() + "'");
            }
        }
        return errors.size() == before;
    }

    /** Each pattern's id once, its weapon class one the registry uses. */
    private boolean checkPatterns(String path, TruceTerms terms, WeaponRegistry weapons) {
        int before = errors.size();
        Set<String> ids = new HashSet<>();
        Set<String> classes = new TreeSet<>();
        weapons.all().forEach(w -> classes.addAll(w.classes()));
        for (int i = 0; i < terms.patterns().size(); i++) {
            TruceTerms.PatternTerm pattern = terms.patterns().get(i);
            String key = "patterns[" + i + "]";
            if (pattern.id() != null && !ids.add(pattern.id())) {
                error(path, key + ".id: '" + pattern.id() + "' is used twice");
            }
            if (pattern.weaponClass() != null && !classes.contains(pattern.weaponClass())) {
                error(path, key + ".weapon_class: no weapon in config/weapons.yaml has class '" + pattern.weaponClass()
                        + "' (classes: " + classes + ")");
            }
        }
        return errors.size() == before;
    }

    /** The geometry of each reference line, or null (errors recorded) if one cannot be read. */
    private Map<String, Geometry> loadLines(String path, TruceTerms terms) {
        Map<String, Geometry> lines = new LinkedHashMap<>();
        int before = errors.size();
        for (int i = 0; i < terms.referenceLines().size(); i++) {
            TruceTerms.ReferenceLine line = terms.referenceLines().get(i);
            String key = "reference_lines[" + i + "]";
            if (line.id() == null || line.file() == null) {
                continue;
            }
            String file = RulesetSnapshot.CONFIG_DIR + "/" + line.file();
            try {
                Map<String, Geometry> features = GeoJsonLines.read(geoJson(file));
                String feature = line.feature() != null ? line.feature() : line.id();
                Geometry geometry = features.get(feature);
                if (geometry == null) {
                    error(path, key + ".feature: " + file + " has no feature '" + feature + "' (it has " + features.keySet() + ")");
                } else if (lines.put(line.id(), geometry) != null) {
                    error(path, key + ".id: '" + line.id() + "' is used twice");
                }
            } catch (IllegalArgumentException e) {
                error(path, key + ".file: " + file + ": " + e.getMessage());
            }
        }
        return errors.size() == before ? lines : null;
    }

    private boolean checkZones(String path, TruceTerms terms) {
        int before = errors.size();
        Set<String> sides = terms.sides();
        Set<String> lineIds = new HashSet<>();
        terms.referenceLines().forEach(l -> lineIds.add(l.id()));
        Set<String> zoneIds = new HashSet<>();
        for (int i = 0; i < terms.withdrawalZones().size(); i++) {
            TruceTerms.WithdrawalZone zone = terms.withdrawalZones().get(i);
            String key = "withdrawal_zones[" + i + "]";
            if (zone.id() != null && !zoneIds.add(zone.id())) {
                error(path, key + ".id: '" + zone.id() + "' is used twice");
            }
            if (zone.clause() == null || !terms.hasClause(zone.clause())) {
                error(path, key + ".clause: unknown clause '" + zone.clause() + "'");
            }
            if (zone.minCalibreMm() != null && zone.maxCalibreMm() != null && zone.minCalibreMm() > zone.maxCalibreMm()) {
                error(path, key + ".max_calibre_mm: must not be below min_calibre_mm");
            }
            if (zone.completeByEarliest() != null && zone.completeByEarliest().isAfter(zone.completeBy())) {
                error(path, key + ".complete_by_earliest: must not be after complete_by");
            }
            zone.fromLines().forEach((side, line) -> {
                if (!sides.contains(side)) {
                    error(path, key + ".from_lines: '" + side + "' is not the side of any party " + sides);
                }
                if (!lineIds.contains(line)) {
                    error(path, key + ".from_lines: '" + line + "' is not a reference line " + lineIds);
                }
            });
        }
        return errors.size() == before;
    }

    /** Each weapon site's and monitor qualification's id once, its clause one the truce has. */
    private boolean checkSitesAndQualifications(String path, TruceTerms terms) {
        int before = errors.size();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < terms.weaponSites().size(); i++) {
            checkIdAndClause(path, terms, "weapon_sites[" + i + "]", terms.weaponSites().get(i).id(),
                    terms.weaponSites().get(i).clause(), ids);
        }
        ids.clear();
        for (int i = 0; i < terms.monitorQualifications().size(); i++) {
            checkIdAndClause(path, terms, "monitor_qualifications[" + i + "]", terms.monitorQualifications().get(i).id(),
                    terms.monitorQualifications().get(i).clause(), ids);
        }
        return errors.size() == before;
    }

    private void checkIdAndClause(String path, TruceTerms terms, String key, String id, String clause, Set<String> ids) {
        if (id != null && !ids.add(id)) {
            error(path, key + ".id: '" + id + "' is used twice");
        }
        if (clause == null || !terms.hasClause(clause)) {
            error(path, key + ".clause: unknown clause '" + clause + "'");
        }
    }

    private void checkActorTerms(String path, String key, TruceTerms terms, List<TruceTerms.ActorTerm> list,
            ActorRegistry actors) {
        Set<String> sides = terms.sides();
        for (int i = 0; i < list.size(); i++) {
            TruceTerms.ActorTerm term = list.get(i);
            if (term.actor() == null || !actors.contains(term.actor())) {
                error(path, key + "[" + i + "].actor: unknown actor '" + term.actor() + "'");
            }
            if (term.ground() == null) {
                continue;
            }
            if (!"disputed".equals(key)) {
                error(path, key + "[" + i + "].ground: only a disputed actor's ground can be counted as a side's");
            } else if (!sides.contains(term.ground().side())) {
                error(path, key + "[" + i + "].ground.side: '" + term.ground().side() + "' is not the side of any party " + sides);
            }
        }
    }

    private void knownActors(String path, String key, List<String> ids, ActorRegistry actors) {
        if (ids.isEmpty()) {
            error(path, key + ": at least one actor is required");
        }
        for (int i = 0; i < ids.size(); i++) {
            if (!actors.contains(ids.get(i))) {
                error(path, key + "[" + i + "]: unknown actor '" + ids.get(i) + "'");
            }
        }
    }

    private ControlMap loadControl(ActorRegistry actors) {
        List<ControlMaps.CountryEntry> countries = new ArrayList<>();
        snapshot.under(CONTROL).forEach((path, text) -> {
            // A country's control file sits in config/control/; its point files below it are
            // read through the country file's point_files.
            boolean countryFile = path.indexOf('/', CONTROL.length()) < 0;
            if (!countryFile || !path.endsWith(".yaml") && !path.endsWith(".yml")) {
                return;
            }
            ControlFile file = parse(path, text, ControlFile.class, ConfigSchemas.CONTROL);
            if (file == null || !checkControl(path, file, actors)) {
                return;
            }
            List<ControlPoint> points = loadPoints(path, file, actors);
            if (points == null) {
                return;
            }
            try {
                countries.add(ControlMaps.country(file, name -> geoJson(CONTROL + name), points));
            } catch (IllegalArgumentException | UncheckedIOException e) {
                error(path, e.getMessage());
            }
        });
        return ControlMaps.of(countries);
    }

    private JsonNode geoJson(String path) {
        String text = snapshot.files().get(path);
        if (text == null) {
            throw new IllegalArgumentException("geometry: file " + path + " is missing");
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("geometry: " + path + " line " + e.getLocation().getLineNr()
                    + ": " + e.getOriginalMessage());
        }
    }

    private boolean checkControl(String path, ControlFile file, ActorRegistry actors) {
        int before = errors.size();
        try {
            ZoneId.of(String.valueOf(file.timeZone()));
        } catch (DateTimeException e) {
            error(path, "time_zone: '" + file.timeZone() + "' is not a tz database zone");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < file.areas().size(); i++) {
            ControlFile.Area area = file.areas().get(i);
            String key = "areas[" + i + "]";
            if (area.id() != null && !ids.add(area.id())) {
                error(path, key + ".id: '" + area.id() + "' is used twice");
            }
            if (area.polygon() == null && area.locations().isEmpty() && area.admin2().isEmpty()
                    && area.admin1().isEmpty()) {
                error(path, key + ": give a polygon or at least one place name to recognise the area by");
            }
            checkPeriods(path, key, area.control(), actors);
        }
        for (int i = 0; i < file.describedHolders().size(); i++) {
            String holder = file.describedHolders().get(i).holder();
            if (holder == null || !actors.contains(holder)) {
                error(path, "described_holders[" + i + "].holder: unknown actor '" + holder + "'");
            }
        }
        checkAirForces(path, file, actors);
        return errors.size() == before;
    }

    /** Every control point of a country's point files, or null (errors recorded) if any is wrong. */
    private List<ControlPoint> loadPoints(String countryPath, ControlFile file, ActorRegistry actors) {
        int before = errors.size();
        List<ControlPoint> points = new ArrayList<>();
        Map<String, String> fileOfId = new HashMap<>();
        for (Map.Entry<String, ControlPoint.File> listed : listedFiles(countryPath, "point_files", file.pointFiles(),
                ControlPoint.File.class, ConfigSchemas.CONTROL_POINTS)) {
            String path = listed.getKey();
            ControlPoint.File parsed = listed.getValue();
            for (int i = 0; i < parsed.points().size(); i++) {
                ControlPoint point = parsed.points().get(i);
                String key = "points[" + i + "]";
                String previous = point.id() == null ? null : fileOfId.putIfAbsent(point.id(), path);
                if (previous != null) {
                    error(path, key + ".id: '" + point.id() + "' is also used in " + previous);
                }
                checkPeriods(path, key, point.control(), actors);
                points.add(point);
            }
        }
        List<SectorPresence> sectors = loadSectors(countryPath, file, actors, fileOfId.keySet());
        return errors.size() == before ? SectorPresence.overlay(points, sectors) : null;
    }

    /**
     * The files a country's control file lists under {@code key}, each parsed against its schema, in
     * order, with its path; a missing or invalid file is an error and is left out.
     */
    private <T> List<Map.Entry<String, T>> listedFiles(String countryPath, String key, List<String> files, Class<T> type,
            ConfigSchemas schema) {
        List<Map.Entry<String, T>> parsed = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            String path = CONTROL + files.get(f);
            String text = snapshot.files().get(path);
            if (text == null) {
                error(countryPath, key + "[" + f + "]: file " + path + " is missing");
                continue;
            }
            T value = parse(path, text, type, schema);
            if (value != null) {
                parsed.add(Map.entry(path, value));
            }
        }
        return parsed;
    }

    /** The sectors of a country's sector files, checked against the actors and the points they name. */
    private List<SectorPresence> loadSectors(String countryPath, ControlFile file, ActorRegistry actors, Set<String> pointIds) {
        List<SectorPresence> sectors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Map.Entry<String, SectorPresence.File> listed : listedFiles(countryPath, "sector_files", file.sectorFiles(),
                SectorPresence.File.class, ConfigSchemas.SECTORS)) {
            String path = listed.getKey();
            SectorPresence.File parsed = listed.getValue();
            for (int i = 0; i < parsed.sectors().size(); i++) {
                SectorPresence sector = parsed.sectors().get(i);
                String key = "sectors[" + i + "]";
                if (!ids.add(sector.id())) {
                    error(path, key + ".id: '" + sector.id() + "' is used twice");
                }
                if (!actors.contains(sector.actor())) {
                    error(path, key + ".actor: unknown actor '" + sector.actor() + "'");
                }
                sector.beside().stream().filter(id -> !actors.contains(id))
                        .forEach(id -> error(path, key + ".beside: unknown actor '" + id + "'"));
                Stream.concat(sector.settlements().stream(), sector.excludedSettlements().stream())
                        .filter(id -> !pointIds.contains(id))
                        .forEach(id -> error(path, key + ": no control point '" + id + "' in the point files"));
                if (sector.to() != null && !sector.to().isAfter(sector.from())) {
                    error(path, key + ".to: must be after from");
                }
                sectors.add(sector);
            }
        }
        return sectors;
    }

    private void checkAirForces(String path, ControlFile file, ActorRegistry actors) {
        for (int i = 0; i < file.airForces().size(); i++) {
            ControlFile.AirForce force = file.airForces().get(i);
            String key = "air_forces[" + i + "]";
            if (force.actor() == null || !actors.contains(force.actor())) {
                error(path, key + ".actor: unknown actor '" + force.actor() + "'");
            }
            for (String governorate : force.admin1()) {
                // Canonical names only: a report's spelling is matched to them through admin1_names.
                if (!file.admin1Names().containsKey(governorate)) {
                    error(path, key + ".admin1: '" + governorate + "' is not a governorate of admin1_names");
                }
            }
            if (force.from() != null && force.to() != null && !force.to().isAfter(force.from())) {
                error(path, key + ".to: must be after from");
            }
        }
    }

    private void checkPeriods(String path, String key, List<ControlFile.Period> control, ActorRegistry actors) {
        for (int p = 0; p < control.size(); p++) {
            ControlFile.Period period = control.get(p);
            String pkey = key + ".control[" + p + "]";
            String controller = period.controller();
            if (controller == null || !actors.contains(controller) && !ControlFile.CONTESTED.equals(controller)) {
                error(path, pkey + ".controller: unknown actor '" + controller + "' (an actor id, or '"
                        + ControlFile.CONTESTED + "')");
            }
            for (String beside : period.alongside()) {
                if (!actors.contains(beside)) {
                    error(path, pkey + ".alongside: unknown actor '" + beside + "'");
                }
            }
            if (period.from() != null && period.to() != null && !period.to().isAfter(period.from())) {
                error(path, pkey + ".to: must be after from");
            }
            for (int q = 0; q < p; q++) {
                if (overlap(control.get(q), period)) {
                    error(path, pkey + ": overlaps control[" + q + "] of the same place");
                }
            }
        }
    }

    private static boolean overlap(ControlFile.Period a, ControlFile.Period b) {
        boolean aEndsBeforeB = a.to() != null && b.from() != null && !a.to().isAfter(b.from());
        boolean bEndsBeforeA = b.to() != null && a.from() != null && !b.to().isAfter(a.from());
        return !aEndsBeforeB && !bEndsBeforeA;
    }

    /**
     * Reads a configuration file: YAML syntax, then its JSON Schema (every violation, each with the
     * line of the key at fault), then the typed form. Null, with the errors recorded, if any fails.
     */
    private <T> T parse(String path, String text, Class<T> type, ConfigSchemas schema) {
        try {
            JsonNode document = YAML.readTree(text);
            if (document == null || document.isMissingNode() || document.isNull()) {
                error(path, "file is empty");
                return null;
            }
            List<ConfigSchemas.Violation> violations = schema.check(document);
            for (ConfigSchemas.Violation violation : violations) {
                errors.add(new RulesetException.Error(path, YamlLines.lineOf(text, violation.keyPath()), 0,
                        violation.keyPath() + ": " + violation.message()));
            }
            return violations.isEmpty() ? YAML.treeToValue(document, type) : null;
        } catch (JsonMappingException e) {
            String key = keyPath(e);
            int line = YamlLines.lineOf(text, key);
            errors.add(new RulesetException.Error(path, line > 0 ? line : line(e), line > 0 ? 0 : column(e),
                    key + ": " + e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            errors.add(new RulesetException.Error(path, line(e), column(e), e.getOriginalMessage()));
        }
        return null;
    }

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    private static int column(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
    }

    private static String keyPath(JsonMappingException e) {
        StringBuilder key = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                key.append(key.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                key.append('[').append(ref.getIndex()).append(']');
            }
        }
        return key.length() == 0 ? "(document)" : key.toString();
    }

    /** An error whose message starts with the key path at fault ("parties[2].side: required"). */
    private void error(String path, String message) {
        String text = snapshot.files().get(path);
        int colon = message.indexOf(": ");
        int line = text == null || colon < 0 ? 0 : YamlLines.lineOf(text, message.substring(0, colon));
        errors.add(new RulesetException.Error(path, line, 0, message));
    }
}
