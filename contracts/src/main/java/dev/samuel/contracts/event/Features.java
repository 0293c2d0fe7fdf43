package dev.samuel.contracts.event;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The inputs of an example: a plain vector, or named values that the spec's {@code input.names} order. */
public sealed interface Features {

    record Vector(float[] values) implements Features {
        @Override
        public boolean equals(Object other) {
            return other instanceof Vector vector && Arrays.equals(values, vector.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Vector" + Arrays.toString(values);
        }
    }

    record Named(Map<String, Float> values) implements Features {
        public Named {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    static Features of(float... values) {
        return new Vector(values);
    }
}
