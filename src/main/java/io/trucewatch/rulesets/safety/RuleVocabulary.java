package io.trucewatch.rulesets.safety;

import io.trucewatch.evaluation.Verdict;
import io.trucewatch.evaluation.facts.AirForcesOver;
import io.trucewatch.evaluation.facts.Finding;
import io.trucewatch.evaluation.facts.Involvement;
import io.trucewatch.evaluation.facts.LineDistance;
import io.trucewatch.evaluation.facts.MonitorQualification;
import io.trucewatch.evaluation.facts.Occurrence;
import io.trucewatch.evaluation.facts.PlaceControl;
import io.trucewatch.evaluation.facts.Report;
import io.trucewatch.evaluation.facts.Role;
import io.trucewatch.evaluation.facts.TruceScope;
import io.trucewatch.evaluation.facts.WeaponSite;
import io.trucewatch.evaluation.facts.WeaponZone;
import io.trucewatch.evaluation.facts.WithdrawalPhase;
import io.trucewatch.patterns.facts.Act;
import io.trucewatch.patterns.facts.PatternHit;
import io.trucewatch.patterns.facts.PatternThreshold;
import io.trucewatch.patterns.facts.TriggerSpan;
import io.trucewatch.truces.Standing;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a rule may name: the one list. A rule judges a report; it reads the engine's facts
 * and inserts findings, nothing else. So a rule may use the fact types below (all immutable
 * records and enums of this service, whose public methods only read), a few pure value types of
 * the JDK and the functions listed here, and no other class, method or property. Anything not
 * named here is refused before Drools compiles it ({@link RuleSafety}): that is what keeps a rule
 * file from exiting the JVM, running a command, reading the clock, opening a file or a socket,
 * reflecting, or starting a thread, whatever way it is written.
 */
final class RuleVocabulary {

    /** The engine's own fact and finding types, which rule files import. */
    static final List<Class<?>> FACT_TYPES = List.of(AirForcesOver.class, Finding.class, Involvement.class, LineDistance.class, MonitorQualification.class,
            Occurrence.class, PlaceControl.class, Report.class, Role.class, TruceScope.class, WeaponSite.class,
            WeaponZone.class, WithdrawalPhase.class, Verdict.class, Standing.class, Act.class, PatternThreshold.class, PatternHit.class,
            TriggerSpan.class);

    /** Static functions a rule file may import ({@code import function …}). */
    static final Set<String> FUNCTIONS = Set.of("io.trucewatch.territory.Geodesy.kilometres");

    /** java.lang types usable without an import; only their methods below may be called. */
    static final Set<String> VALUE_TYPES = Set.of("String", "Integer", "Long", "Double", "Boolean", "Math");

    /** Pure methods of the JDK's value and collection types (the results of fact methods). */
    static final Set<String> VALUE_METHODS = Set.of(
            // String (not repeat, matches, replaceAll, split: sizes and regular expressions a rule
            // could blow up with)
            "length", "isEmpty", "isBlank", "equalsIgnoreCase", "startsWith", "endsWith", "contains",
            "indexOf", "lastIndexOf", "substring", "toLowerCase", "toUpperCase", "trim", "strip", "charAt",
            "compareTo", "concat", "valueOf", "join",
            // collections and objects
            "size", "get", "containsKey", "containsAll", "getOrDefault", "equals", "hashCode", "toString",
            // numbers, enums, instants
            "intValue", "longValue", "doubleValue", "name", "ordinal", "min", "max", "abs", "round", "floor", "ceil",
            "isBefore", "isAfter");

    /** Calls a consequence makes to the engine: add a fact, name the rule that fired. */
    static final Set<String> ENGINE_CALLS = Set.of("insert", "insertLogical");

    /** Names a rule must never use, refused with a reason of their own (they are also not allowed). */
    static final Map<String, String> CLOCK_CALLS = Map.of(
            "currentTimeMillis", "reads the wall clock", "nanoTime", "reads the wall clock",
            "now", "reads the wall clock", "systemUTC", "reads the wall clock", "systemDefaultZone", "reads the wall clock");

    private static final Set<String> FACT_METHODS = new HashSet<>();
    private static final Set<String> FACT_PROPERTIES = new HashSet<>();
    private static final Map<String, Class<?>> FACT_TYPES_BY_NAME = new HashMap<>();

    static {
        Set<String> objectMethods = Set.of("getClass", "wait", "notify", "notifyAll", "getDeclaringClass",
                "describeConstable", "finalize", "clone");
        for (Class<?> type : FACT_TYPES) {
            FACT_TYPES_BY_NAME.put(type.getSimpleName(), type);
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()
                        && !objectMethods.contains(method.getName())) {
                    FACT_METHODS.add(method.getName());
                    if (method.getParameterCount() == 0) {
                        // Drools reads "name" in a constraint through name() (records) or getName().
                        FACT_PROPERTIES.add(property(method.getName()));
                    }
                }
            }
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    FACT_PROPERTIES.add(component.getName());
                }
            }
            for (Field field : type.getFields()) {
                FACT_PROPERTIES.add(field.getName()); // enum constants
            }
        }
    }

    private RuleVocabulary() {
    }

    private static String property(String method) {
        for (String prefix : List.of("get", "is")) {
            if (method.length() > prefix.length() && method.startsWith(prefix)
                    && Character.isUpperCase(method.charAt(prefix.length()))) {
                return Character.toLowerCase(method.charAt(prefix.length())) + method.substring(prefix.length() + 1);
            }
        }
        return method;
    }

    /** The fact type with this simple name, if it is one. */
    static boolean isFactType(String simpleName) {
        return FACT_TYPES_BY_NAME.containsKey(simpleName);
    }

    static boolean isImportable(String qualifiedName) {
        return FACT_TYPES.stream().anyMatch(t -> t.getName().equals(qualifiedName))
                // rule packages hold only types declared in rule files (declare … end)
                || qualifiedName.matches("rules(\\.[A-Za-z_]\\w*)+");
    }

    static boolean isMethod(String name) {
        return FACT_METHODS.contains(name) || VALUE_METHODS.contains(name);
    }

    static boolean isProperty(String name) {
        return FACT_PROPERTIES.contains(name);
    }

    /** Types a declared fact's field may have. */
    static boolean isFieldType(String type) {
        return Set.of("String", "int", "long", "double", "boolean", "Integer", "Long", "Double", "Boolean").contains(type)
                || isFactType(type);
    }
}
