package dev.samuel.contracts.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The inputs of an example: a plain vector ({@link FloatVector}), or named values that the spec's {@code input.names}
 * order. A missing value (JSON {@code null}, or NaN in a binary vector) is NaN; whether a feature may be missing is
 * the spec's to say ({@link ExampleResolver}).
 */
public sealed interface Features permits FloatVector, Features.Named {

    /**
     * Named values: numbers (booleans read as 1 and 0, a null as NaN) and strings, kept apart so that a string
     * reaches the resolver as what it is, which refuses it for a numeric feature by name.
     */
    record Named(Map<String, Float> values, Map<String, String> strings) implements Features {
        public Named {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            strings = Collections.unmodifiableMap(new LinkedHashMap<>(strings));
        }

        public Named(Map<String, Float> values) {
            this(values, Map.of());
        }
    }

    static Features of(float... values) {
        return new FloatVector(values);
    }
}
