package dev.samuel.drift;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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
     * detector tuned differently from what its spec says.
     */
    void allowOnly(String detector, Set<String> parameters) {
        for (String field : fields.keySet()) {
            if (!field.equals(DETECTOR) && !parameters.contains(field)) {
                throw new InvalidDriftParameterException(field, "not a parameter of " + detector + "; its parameters: "
                        + String.join(", ", new TreeSet<>(parameters)));
            }
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
