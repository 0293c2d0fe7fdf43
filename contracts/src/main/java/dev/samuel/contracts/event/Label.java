package dev.samuel.contracts.event;

/**
 * A label or a prediction as it appears in JSON: a number (class index or regression target), a class
 * name, or an array (multi-output regression, a {@link FloatVector}). The spec decides which forms are valid.
 */
public sealed interface Label permits Label.Number, Label.Name, FloatVector {

    record Number(double value) implements Label {
    }

    record Name(String value) implements Label {
    }

    static Label of(double value) {
        return new Number(value);
    }

    static Label of(String name) {
        return new Name(name);
    }

    static Label of(float... values) {
        return new FloatVector(values);
    }
}
