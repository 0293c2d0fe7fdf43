package dev.samuel.contracts.model;

import java.util.Objects;

/**
 * What one registered ONNX program takes and gives, read from the program once, when it is registered: the
 * feature input (its name and width), the output the platform reads (its name, width and {@link OutputKind}), and
 * its {@link Origin}. The registry keeps it in the version record; {@link ModelSignature} joins it to the spec.
 */
public record ProgramSignature(String input, int features, String output, int width, OutputKind kind, Origin origin) {

    public ProgramSignature {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(origin, "origin");
        if (features < 1 || width < 1) {
            throw new IllegalArgumentException("a program reads at least one feature and writes at least one value, got "
                    + features + " and " + width);
        }
    }
}
