package dev.samuel.onnx.grad;

import dev.samuel.onnx.graph.Value;

/**
 * What backpropagation does at a node of some op: apply a {@link Rule}, stop because the op has
 * {@link NoGradient} (its outputs are not differentiable: shapes, comparisons, indices), or refuse because
 * differentiating it is {@link Forbidden} here (with the reason and what to write instead).
 */
public sealed interface Gradient {

    /** Writes the gradients of a node's inputs, given the gradients of its outputs. */
    @FunctionalInterface
    non-sealed interface Rule extends Gradient {
        /** One entry per input: its gradient, or null where {@link GradContext#needs} is false. */
        Value[] apply(GradContext c);
    }

    record NoGradient(String why) implements Gradient {
    }

    record Forbidden(String why) implements Gradient {
    }
}
