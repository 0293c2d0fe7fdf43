package dev.samuel.onnx.grad;

import dev.samuel.onnx.graph.GraphBuilder;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.graph.Value;

/** Activations, softmax and dropout. */
final class ActivationRules {
    private ActivationRules() {
    }

    // y = max(x, 0): dx = g where x > 0, else 0
    static Value[] relu(GradContext c) {
        GraphBuilder b = c.b();
        Value zero = b.scalarLike(0, c.in(0));
        return c.grads(b.where(b.greater(c.in(0), zero), c.g(), zero));
    }

    // y = x if x > 0 else alpha x: dx = g where x > 0, else alpha g
    static Value[] leakyRelu(GradContext c) {
        GraphBuilder b = c.b();
        Value x = c.in(0);
        double alpha = c.attrs().getFloat("alpha", 0.01);
        Value slope = b.mul(c.g(), b.scalarLike(alpha, x));
        return c.grads(b.where(b.greater(x, b.scalarLike(0, x)), c.g(), slope));
    }

    // y = 1 / (1 + e^-x): dx = g y (1 - y)
    static Value[] sigmoid(GradContext c) {
        GraphBuilder b = c.b();
        Value y = c.out(0);
        return c.grads(b.mul(c.g(), b.mul(y, b.sub(b.scalarLike(1, y), y))));
    }

    // y = tanh x: dx = g (1 - y^2)
    static Value[] tanh(GradContext c) {
        GraphBuilder b = c.b();
        Value y = c.out(0);
        return c.grads(b.mul(c.g(), b.sub(b.scalarLike(1, y), b.mul(y, y))));
    }

    // y = e^x / sum(e^x) along axis: dx = y (g - sum(g y) along axis)
    static Value[] softmax(GradContext c) {
        GraphBuilder b = c.b();
        Value y = c.out(0);
        long axis = c.attrs().getInt("axis", -1);
        Value gy = b.reduceSum(b.mul(c.g(), y), true, axis);
        return c.grads(b.mul(y, b.sub(c.g(), gy)));
    }

    // y = x - log(sum(e^x)) along axis: dx = g - e^y sum(g) along axis
    static Value[] logSoftmax(GradContext c) {
        GraphBuilder b = c.b();
        long axis = c.attrs().getInt("axis", -1);
        Value gSum = b.reduceSum(c.g(), true, axis);
        return c.grads(b.sub(c.g(), b.mul(b.exp(c.out(0)), gSum)));
    }

    // training: y = x mask / (1 - ratio), dx = g mask / (1 - ratio); inference: y = x, dx = g
    static Value[] dropout(GradContext c) {
        GraphBuilder b = c.b();
        if (!training(c)) {
            return c.grads(c.g());
        }
        if (c.node().outputs().size() < 2) {
            throw c.fail("in training mode needs its mask output to know which elements passed");
        }
        Value x = c.in(0);
        Value scale = c.in(1) == null ? b.scalarLike(2, x)
                : b.div(b.scalarLike(1, x), b.sub(b.scalarLike(1, x), b.cast(c.in(1), x.type())));
        return c.grads(b.mul(b.mul(c.g(), b.cast(c.out(1), x.type())), scale));
    }

    private static boolean training(GradContext c) {
        if (c.in(2) == null) {
            return false;
        }
        Tensor mode = c.constant(2);
        if (mode == null) {
            throw c.fail("needs training_mode as a constant: a run-time switch would change the rule");
        }
        return mode.bools()[0];
    }
}
