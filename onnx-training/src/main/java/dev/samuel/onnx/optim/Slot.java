package dev.samuel.onnx.optim;

import dev.samuel.onnx.graph.Shape;

/**
 * A tensor carried from one training step to the next: a parameter or a piece of optimizer state. The
 * graph reads it as input {@code input} and writes its next value as output {@code output}.
 */
public record Slot(String input, String output, Shape shape, String parameter, Role role) {

    public enum Role { PARAMETER, STATE }

    public static String nextName(String name) {
        return name + ".next";
    }
}
