package dev.samuel.onnx.grad;

import dev.samuel.onnx.graph.DType;
import dev.samuel.onnx.graph.GraphBuilder;
import dev.samuel.onnx.graph.Op;
import dev.samuel.onnx.graph.Value;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * One finite-difference case: the op it exercises, input shapes, where inputs are drawn from, and the
 * expression. {@code freshSession} re-creates the session for every evaluation (seeded Dropout restarts
 * its random stream there, so every evaluation sees the same mask).
 */
record GradCase(Op op, String label, List<long[]> shapes, Domain domain,
                BiFunction<GraphBuilder, List<Value>, Value> f, boolean freshSession, DType type) {

    /** Where input values come from, keeping away from kinks and poles. */
    enum Domain {
        /** [-2, 2] with |x| >= 0.1: away from the kinks of Relu, Abs and friends at 0. */
        SIGNED,
        /** [0.5, 2]: for Log, Sqrt, Pow bases and denominators. */
        POSITIVE
    }

    static GradCase of(Op op, String label, Domain domain, BiFunction<GraphBuilder, List<Value>, Value> f,
                       long[]... shapes) {
        return new GradCase(op, label, List.of(shapes), domain, f, false, DType.DOUBLE);
    }

    GradCase fresh() {
        return new GradCase(op, label, shapes, domain, f, true, type);
    }

    /**
     * Runs the case in float: ORT's CPU provider has no double kernel for Conv, ConvTranspose, AveragePool
     * and GlobalAveragePool. Only for ops linear in each input, where a central difference with a large
     * step is exact up to float rounding (see {@link FiniteDifference}).
     */
    GradCase float32() {
        return new GradCase(op, label, shapes, domain, f, freshSession, DType.FLOAT);
    }

    @Override
    public String toString() {
        return op.onnxName() + " " + label + (type == DType.FLOAT ? " (float)" : "") + " " + shapes.stream().map(Arrays::toString).collect(Collectors.joining(" "));
    }
}
