package dev.samuel.contracts.model;

import java.util.Objects;

/**
 * What one registered ONNX program takes and gives, read from the program once, when it is registered: the
 * feature input (its name and width), the output the platform reads (its name, width and {@link OutputKind}), its
 * {@link Origin}, and how many categorical features its second input, {@value #CATEGORIES} (strings [batch, n]),
 * takes (0: no such input). The registry keeps it in the version record; {@link ModelSignature} joins it to the spec.
 */
public record ProgramSignature(String input, int features, String output, int width, OutputKind kind, Origin origin,
                               int categories) {

    /** The name of a spec program's input of categorical features' raw text. */
    public static final String CATEGORIES = "categories";

    public ProgramSignature(String input, int features, String output, int width, OutputKind kind, Origin origin) {
        this(input, features, output, width, kind, origin, 0);
    }

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
