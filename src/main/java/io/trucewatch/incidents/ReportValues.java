package io.trucewatch.incidents;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A report's values by {@link ReportField}, made into an {@link IncidentReport}. Each record
 * component takes the value of the field of its name, so no list of two dozen positional
 * arguments has to be kept in step with the fields. Whether the record and the fields agree
 * (a component for every field, of the field's type, and nothing else) is checked when this
 * class loads: a mismatch stops the service from starting rather than losing a value.
 */
final class ReportValues {

    /** The fields in the order of the record's components, i.e. of its canonical constructor. */
    private static final List<ReportField> COMPONENTS = components();
    private static final Constructor<IncidentReport> CANONICAL = canonicalConstructor();

    private final Map<ReportField, Object> values = new EnumMap<>(ReportField.class);

    /** Sets a field (null: absent), once. */
    void put(ReportField field, Object value) {
        if (value != null && !field.kind().javaType().isInstance(value)) {
            throw new IllegalArgumentException(field.wireName() + " holds a "
                    + field.kind().javaType().getSimpleName() + ", not a " + value.getClass().getSimpleName());
        }
        if (values.containsKey(field)) {
            throw new IllegalStateException(field.wireName() + " is already set");
        }
        values.put(field, value);
    }

    boolean has(ReportField field) {
        return values.containsKey(field);
    }

    Object get(ReportField field) {
        return values.get(field);
    }

    /** The report; a field never set is absent (null). */
    IncidentReport toReport() {
        Object[] arguments = COMPONENTS.stream().map(values::get).toArray();
        try {
            return CANONICAL.newInstance(arguments);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot make an IncidentReport", e);
        }
    }

    private static List<ReportField> components() {
        Map<String, ReportField> byComponent = Arrays.stream(ReportField.values())
                .collect(Collectors.toMap(ReportField::componentName, Function.identity()));
        List<ReportField> order = new ArrayList<>();
        for (RecordComponent component : IncidentReport.class.getRecordComponents()) {
            ReportField field = byComponent.get(component.getName());
            if (field == null || !field.kind().javaType().equals(component.getType())) {
                throw new IllegalStateException("IncidentReport." + component.getName() + (field == null
                        ? " has no ReportField" : " is not a " + field.kind().javaType().getSimpleName()));
            }
            order.add(field);
        }
        Set<ReportField> missing = EnumSet.allOf(ReportField.class);
        order.forEach(missing::remove);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("IncidentReport has no component for " + missing);
        }
        return List.copyOf(order);
    }

    private static Constructor<IncidentReport> canonicalConstructor() {
        Class<?>[] types = Arrays.stream(IncidentReport.class.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            return IncidentReport.class.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record always has its canonical constructor", e);
        }
    }
}
