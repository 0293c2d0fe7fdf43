package dev.samuel.drift;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** The fields of one {@code monitoring.drift} block, read one parameter at a time, each refusal naming its field. */
final class SettingsBlock {

    private static final String DETECTOR = "detector";

    private final Map<String, ?> fields;

    SettingsBlock(Map<String, ?> fields) {
        this.fields = new LinkedHashMap<>(fields);
    }

    String detector(String absent) {
        Object name = fields.get(DETECTOR);
        if (name == null) {
            return absent;
        }
        if (!(name instanceof String text)) {
            throw new InvalidDriftParameterException(DETECTOR, "must be a string, was " + name);
        }
        return text;
    }

    /**
     * Refuses a field the detector does not have: a misspelt parameter silently left at its default would be a
     * detector tuned differently from what its spec says. The parameters are the components of the detector's
     * parameter record, so the names are written once.
     */
    private void allowOnly(String detector, Class<? extends Record> record) {
        var parameters = new TreeSet<String>();
        for (var component : record.getRecordComponents()) {
            parameters.add(component.getName());
        }
        for (String field : fields.keySet()) {
            if (!field.equals(DETECTOR) && !parameters.contains(field)) {
                throw new InvalidDriftParameterException(field, "not a parameter of " + detector + "; its parameters: "
                        + String.join(", ", parameters));
            }
        }
    }

    /**
     * The detector's parameters: each component of its parameter record read by name as a number (a whole number for
     * an {@code int}), the default's value where the block leaves it out; the record's own checks then run.
     */
    <R extends Record & DriftSettings> R read(String detector, Class<R> record, R defaults) {
        allowOnly(detector, record);
        var components = record.getRecordComponents();
        var values = new Object[components.length];
        var types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            var name = components[i].getName();
            types[i] = components[i].getType();
            Object absent = value(components[i], defaults);
            values[i] = types[i] == int.class ? (Object) whole(name, (Integer) absent) : (Object) number(name, (Double) absent);
        }
        try {
            return record.getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(record + " is not a record of numbers", e);
        }
    }

    private static Object value(RecordComponent component, Record defaults) {
        try {
            return component.getAccessor().invoke(defaults);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    double number(String parameter, double absent) {
        Object value = fields.get(parameter);
        if (value == null) {
            return absent;
        }
        if (!(value instanceof Number number)) {
            throw new InvalidDriftParameterException(parameter, "must be a number, was " + value);
        }
        return number.doubleValue();
    }

    int whole(String parameter, int absent) {
        double value = number(parameter, absent);
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new InvalidDriftParameterException(parameter, "must be a whole number, was " + value);
        }
        return (int) value;
    }
}
