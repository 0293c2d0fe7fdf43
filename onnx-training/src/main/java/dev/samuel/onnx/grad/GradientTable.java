package dev.samuel.onnx.grad;

import dev.samuel.onnx.graph.Op;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of gradient rules: every op maps to a rule, to "no gradient" or to "forbidden". To add
 * a rule, write a short method whose first comment is its math and put one line here (see README).
 */
public final class GradientTable {
    private static final Map<Op, Gradient> TABLE = new EnumMap<>(Op.class);

    static {
        rule(Op.GEMM, LinearRules::gemm);
        rule(Op.MATMUL, LinearRules::matmul);

        rule(Op.CONV, ConvRules::conv);
        rule(Op.MAX_POOL, ConvRules::maxPool);
        rule(Op.AVERAGE_POOL, ConvRules::averagePool);
        rule(Op.GLOBAL_AVERAGE_POOL, ConvRules::globalAveragePool);
        rule(Op.BATCH_NORMALIZATION, ConvRules::batchNorm);
        rule(Op.PAD, ConvRules::pad);

        rule(Op.ADD, ElementwiseRules::add);
        rule(Op.SUB, ElementwiseRules::sub);
        rule(Op.MUL, ElementwiseRules::mul);
        rule(Op.DIV, ElementwiseRules::div);
        rule(Op.POW, ElementwiseRules::pow);
        rule(Op.SUM, ElementwiseRules::sum);
        rule(Op.NEG, ElementwiseRules::neg);
        rule(Op.ABS, ElementwiseRules::abs);
        rule(Op.RECIPROCAL, ElementwiseRules::reciprocal);
        rule(Op.EXP, ElementwiseRules::exp);
        rule(Op.LOG, ElementwiseRules::log);
        rule(Op.SQRT, ElementwiseRules::sqrt);
        rule(Op.WHERE, ElementwiseRules::where);
        rule(Op.IDENTITY, ElementwiseRules::identity);
        rule(Op.CAST, ElementwiseRules::cast);

        rule(Op.RELU, ActivationRules::relu);
        rule(Op.LEAKY_RELU, ActivationRules::leakyRelu);
        rule(Op.SIGMOID, ActivationRules::sigmoid);
        rule(Op.TANH, ActivationRules::tanh);
        rule(Op.SOFTMAX, ActivationRules::softmax);
        rule(Op.LOG_SOFTMAX, ActivationRules::logSoftmax);
        rule(Op.DROPOUT, ActivationRules::dropout);

        rule(Op.RESHAPE, ShapeRules::reshape);
        rule(Op.FLATTEN, ShapeRules::reshape);
        rule(Op.SQUEEZE, ShapeRules::reshape);
        rule(Op.UNSQUEEZE, ShapeRules::reshape);
        rule(Op.TRANSPOSE, ShapeRules::transpose);
        rule(Op.CONCAT, ShapeRules::concat);
        rule(Op.GATHER, GatherRule::gather);
        rule(Op.EXPAND, ShapeRules::expand);
        rule(Op.SPACE_TO_DEPTH, ShapeRules::spaceToDepth);
        rule(Op.DEPTH_TO_SPACE, ShapeRules::depthToSpace);
        rule(Op.REDUCE_SUM, ShapeRules::reduceSum);
        rule(Op.REDUCE_MEAN, ShapeRules::reduceMean);
        rule(Op.REDUCE_SUM_SQUARE, ShapeRules::reduceSumSquare);

        none(Op.SHAPE, "a shape is not differentiable");
        none(Op.SIZE, "an element count is not differentiable");
        none(Op.CONSTANT_OF_SHAPE, "its output depends on the input's values only through a shape");
        none(Op.ARG_MAX, "indices are not differentiable");
        none(Op.EQUAL, "comparisons are piecewise constant");
        none(Op.GREATER, "comparisons are piecewise constant");
        none(Op.LESS, "comparisons are piecewise constant");
        none(Op.AND, "booleans are not differentiable");
        none(Op.NOT, "booleans are not differentiable");
        none(Op.IS_NAN, "booleans are not differentiable");
        none(Op.LABEL_ENCODER, "a lookup of strings is not differentiable");

        forbidden(Op.MIN, "ties have no unique gradient; write Relu or Where instead");
        forbidden(Op.MAX, "ties have no unique gradient; write Relu or Where instead");
        forbidden(Op.REDUCE_MAX, "ties have no unique gradient; use LogSoftmax for a smooth maximum");
        forbidden(Op.CONV_TRANSPOSE, "it only appears in gradient graphs (of Conv and AveragePool)");
        forbidden(Op.SLICE, "it only appears in gradient graphs (of Conv and Pad)");
        forbidden(Op.SCATTER_ELEMENTS, "it only appears in gradient graphs (of MaxPool)");
        forbidden(Op.SCATTER_ND, "it only appears in gradient graphs (of Gather)");
        forbidden(Op.SPLIT, "it only appears in gradient graphs, which are not differentiated again");
    }

    private GradientTable() {
    }

    /** The table's entry for op, empty when the op has none (which backpropagation reports as an error). */
    public static Optional<Gradient> lookup(Op op) {
        return Optional.ofNullable(TABLE.get(op));
    }

    public static Map<Op, Gradient> entries() {
        return Collections.unmodifiableMap(TABLE);
    }

    private static void rule(Op op, Gradient.Rule rule) {
        put(op, rule);
    }

    private static void none(Op op, String why) {
        put(op, new Gradient.NoGradient(why));
    }

    private static void forbidden(Op op, String why) {
        put(op, new Gradient.Forbidden(why));
    }

    private static void put(Op op, Gradient gradient) {
        if (TABLE.putIfAbsent(op, gradient) != null) {
            throw new IllegalStateException("two gradient entries for " + op);
        }
    }
}
