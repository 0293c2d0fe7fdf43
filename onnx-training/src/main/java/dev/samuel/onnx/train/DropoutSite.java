package dev.samuel.onnx.train;

import dev.samuel.onnx.graph.Shape;

/**
 * A Dropout node of the forward graph, written in the training graph as {@code x * mask}: the session
 * fills {@code maskInput} each step with 0 or 1 / (1 - ratio) from a generator seeded by (seed, step),
 * so a restored checkpoint draws the same masks as the run it came from.
 */
public record DropoutSite(String maskInput, Shape shape, double ratio) {

    /** Features of one example the mask covers (the shape without its batch axis). */
    public int perExample() {
        long n = 1;
        for (int i = 1; i < shape.rank(); i++) {
            n *= shape.dim(i);
        }
        return Math.toIntExact(n);
    }
}
