package dev.samuel.contracts.event;

import java.util.Arrays;

/**
 * Float32 values as an event carries them: a vector of features, or the array of a multi-output label. One type for
 * both, so the two compare, hash and print alike.
 */
public record FloatVector(float[] values) implements Features, Label {

    // A record compares an array component by identity: these compare the values.
    @Override
    public boolean equals(Object other) {
        return other instanceof FloatVector vector && Arrays.equals(values, vector.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    // Prints as Features.Vector and Label.Vector did, so messages and logs keep their form.
    @Override
    public String toString() {
        return "Vector" + Arrays.toString(values);
    }
}
