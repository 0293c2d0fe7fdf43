package dev.samuel.contracts.event;

import java.util.Arrays;

/**
 * A label or a prediction as it appears in JSON: a number (class index or regression target), a class
 * name, or an array (multi-output regression). The spec decides which forms are valid.
 */
public sealed interface Label {

    record Number(double value) implements Label {
    }

    record Name(String value) implements Label {
    }

    record Vector(float[] values) implements Label {
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

    static Label of(double value) {
        return new Number(value);
    }

    static Label of(String name) {
        return new Name(name);
    }

    static Label of(float... values) {
        return new Vector(values);
    }
}
