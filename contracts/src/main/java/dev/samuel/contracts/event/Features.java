package dev.samuel.contracts.event;

import java.util.LinkedHashMap;
import java.util.Map;

/** The inputs of an example: a plain vector ({@link FloatVector}), or named values that the spec's {@code input.names} order. */
public sealed interface Features permits FloatVector, Features.Named {

    record Named(Map<String, Float> values) implements Features {
        public Named {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    static Features of(float... values) {
        return new FloatVector(values);
    }
}
