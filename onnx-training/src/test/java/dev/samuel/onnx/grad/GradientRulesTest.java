package dev.samuel.onnx.grad;

import static dev.samuel.onnx.grad.GradCase.Domain.POSITIVE;
import static dev.samuel.onnx.grad.GradCase.Domain.SIGNED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.onnx.graph.Attrs;
import dev.samuel.onnx.graph.DType;
import dev.samuel.onnx.graph.Op;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.spec.BatchNorms;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A seeded finite-difference check, in double precision, of every gradient rule. */
class GradientRulesTest {
    static final long SEED = Long.getLong("fd.seed", 20251126L);

    static List<GradCase> cases() {
        return List.of(
                // Gemm: bias [5] broadcast over the rows of [3,5]
                GradCase.of(Op.GEMM, "A B + c", SIGNED, (b, x) -> b.gemm(x.get(0), x.get(1), x.get(2), false, false),
                        s(3, 4), s(4, 5), s(5)),
                // Gemm: A^T, alpha and beta, full-size C
                GradCase.of(Op.GEMM, "0.5 A^T B + 2 C", SIGNED, (b, x) -> b.apply(Op.GEMM,
                        Attrs.of("transA", 1, "alpha", 0.5).with("beta", 2.0), x.get(0), x.get(1), x.get(2)),
                        s(4, 3), s(4, 5), s(3, 5)),
                // Gemm: B^T (PyTorch's Linear layout), C [1,5] broadcast over rows
                GradCase.of(Op.GEMM, "A B^T + c", SIGNED, (b, x) -> b.gemm(x.get(0), x.get(1), x.get(2), false, true),
                        s(3, 4), s(5, 4), s(1, 5)),
                // Gemm: both transposed, no C
                GradCase.of(Op.GEMM, "A^T B^T", SIGNED, (b, x) -> b.gemm(x.get(0), x.get(1), null, true, true),
                        s(4, 3), s(5, 4)),
                // MatMul: matrices; a batch of matrices times one matrix (B broadcast over the batch)
                GradCase.of(Op.MATMUL, "matrix", SIGNED, (b, x) -> b.matmul(x.get(0), x.get(1)), s(3, 4), s(4, 5)),
                GradCase.of(Op.MATMUL, "batch x matrix", SIGNED, (b, x) -> b.matmul(x.get(0), x.get(1)), s(2, 3, 4), s(4, 5)),
                // MatMul: batch axes broadcast both ways: [2,1] against [5] gives [2,5]
                GradCase.of(Op.MATMUL, "broadcast batches", SIGNED, (b, x) -> b.matmul(x.get(0), x.get(1)),
                        s(2, 1, 3, 4), s(5, 4, 2)),
                // MatMul: 1-D operands are promoted then dropped
                GradCase.of(Op.MATMUL, "vector x matrix", SIGNED, (b, x) -> b.matmul(x.get(0), x.get(1)), s(4), s(4, 5)),
                GradCase.of(Op.MATMUL, "matrix x vector", SIGNED, (b, x) -> b.matmul(x.get(0), x.get(1)), s(2, 3, 4), s(4)),
                GradCase.of(Op.MATMUL, "dot", SIGNED, (b, x) -> b.matmul(x.get(0), x.get(1)), s(4), s(4)),
                // Add: same shape; row vector; [2,1] + [1,3] both broadcast; scalar
                GradCase.of(Op.ADD, "same", SIGNED, (b, x) -> b.add(x.get(0), x.get(1)), s(2, 3), s(2, 3)),
                GradCase.of(Op.ADD, "row", SIGNED, (b, x) -> b.add(x.get(0), x.get(1)), s(2, 3), s(3)),
                GradCase.of(Op.ADD, "outer", SIGNED, (b, x) -> b.add(x.get(0), x.get(1)), s(2, 1), s(1, 3)),
                GradCase.of(Op.ADD, "scalar", SIGNED, (b, x) -> b.add(x.get(0), x.get(1)), s(4, 2, 3), s()),
                // Sub: row vector subtracted; [1,3] - [2,1]
                GradCase.of(Op.SUB, "row", SIGNED, (b, x) -> b.sub(x.get(0), x.get(1)), s(2, 3), s(3)),
                GradCase.of(Op.SUB, "outer", SIGNED, (b, x) -> b.sub(x.get(0), x.get(1)), s(1, 3), s(2, 1)),
                // Mul: same; column [2,1]; [3] times [2,3]
                GradCase.of(Op.MUL, "same", SIGNED, (b, x) -> b.mul(x.get(0), x.get(1)), s(2, 3), s(2, 3)),
                GradCase.of(Op.MUL, "column", SIGNED, (b, x) -> b.mul(x.get(0), x.get(1)), s(2, 3), s(2, 1)),
                GradCase.of(Op.MUL, "row first", SIGNED, (b, x) -> b.mul(x.get(0), x.get(1)), s(3), s(2, 3)),
                // Div: positive denominators: [2,3] / [3]; [2,1] / [2,3]
                GradCase.of(Op.DIV, "row", POSITIVE, (b, x) -> b.div(x.get(0), x.get(1)), s(2, 3), s(3)),
                GradCase.of(Op.DIV, "column", POSITIVE, (b, x) -> b.div(x.get(0), x.get(1)), s(2, 1), s(2, 3)),
                // Pow: positive bases [2,3], exponents [3]
                GradCase.of(Op.POW, "row exponents", POSITIVE, (b, x) -> b.pow(x.get(0), x.get(1)), s(2, 3), s(3)),
                // Sum: three inputs [2,3], [3], [2,1]
                GradCase.of(Op.SUM, "three", SIGNED, (b, x) -> b.sum(x.get(0), x.get(1), x.get(2)), s(2, 3), s(3), s(2, 1)),
                GradCase.of(Op.NEG, "", SIGNED, (b, x) -> b.neg(x.get(0)), s(2, 3)),
                GradCase.of(Op.ABS, "", SIGNED, (b, x) -> b.abs(x.get(0)), s(2, 3)),
                GradCase.of(Op.RECIPROCAL, "", POSITIVE, (b, x) -> b.apply(Op.RECIPROCAL, x.get(0)), s(2, 3)),
                GradCase.of(Op.EXP, "", SIGNED, (b, x) -> b.exp(x.get(0)), s(2, 3)),
                GradCase.of(Op.LOG, "", POSITIVE, (b, x) -> b.log(x.get(0)), s(2, 3)),
                GradCase.of(Op.SQRT, "", POSITIVE, (b, x) -> b.sqrt(x.get(0)), s(2, 3)),
                // Where: a fixed condition [2,3] choosing between x0 [2,3] and x1 [3] (broadcast)
                GradCase.of(Op.WHERE, "broadcast", SIGNED, (b, x) -> b.where(b.initializer(Tensor.bools("cond",
                        new boolean[] {true, false, true, false, false, true}, 2, 3)), x.get(0), x.get(1)), s(2, 3), s(3)),
                GradCase.of(Op.IDENTITY, "", SIGNED, (b, x) -> b.apply(Op.IDENTITY, x.get(0)), s(2, 3)),
                GradCase.of(Op.CAST, "double to double", SIGNED,
                        (b, x) -> b.apply(Op.CAST, Attrs.of("to", DType.DOUBLE.onnxCode()), x.get(0)), s(2, 3)),
                GradCase.of(Op.RELU, "", SIGNED, (b, x) -> b.relu(x.get(0)), s(3, 4)),
                GradCase.of(Op.LEAKY_RELU, "alpha 0.2", SIGNED,
                        (b, x) -> b.apply(Op.LEAKY_RELU, Attrs.of("alpha", 0.2), x.get(0)), s(3, 4)),
                GradCase.of(Op.SIGMOID, "", SIGNED, (b, x) -> b.sigmoid(x.get(0)), s(3, 4)),
                GradCase.of(Op.TANH, "", SIGNED, (b, x) -> b.apply(Op.TANH, x.get(0)), s(3, 4)),
                // Softmax and LogSoftmax over the last axis and over axis 0
                GradCase.of(Op.SOFTMAX, "last axis", SIGNED, (b, x) -> b.apply(Op.SOFTMAX, x.get(0)), s(2, 4)),
                GradCase.of(Op.SOFTMAX, "axis 0", SIGNED, (b, x) -> b.apply(Op.SOFTMAX, Attrs.of("axis", 0), x.get(0)), s(3, 2)),
                GradCase.of(Op.LOG_SOFTMAX, "axis 1", SIGNED,
                        (b, x) -> b.apply(Op.LOG_SOFTMAX, Attrs.of("axis", 1), x.get(0)), s(2, 4)),
                GradCase.of(Op.LOG_SOFTMAX, "axis 0 of 3-D", SIGNED,
                        (b, x) -> b.apply(Op.LOG_SOFTMAX, Attrs.of("axis", 0), x.get(0)), s(3, 2, 2)),
                // Dropout: inference mode is the identity; training mode with a seed (fresh session per run)
                GradCase.of(Op.DROPOUT, "inference", SIGNED, (b, x) -> b.apply(Op.DROPOUT, x.get(0)), s(3, 4)),
                GradCase.of(Op.DROPOUT, "training, ratio 0.3", SIGNED, (b, x) -> b.node(Op.DROPOUT, Attrs.of("seed", 7), 2,
                        x.get(0), b.scalar(0.3, DType.DOUBLE),
                        b.initializer(Tensor.bools("training", new boolean[] {true}))).get(0), s(4, 5)).fresh(),
                GradCase.of(Op.RESHAPE, "[2,6] to [3,4]", SIGNED, (b, x) -> b.reshape(x.get(0), b.longs(3, 4)), s(2, 6)),
                GradCase.of(Op.RESHAPE, "0 and -1", SIGNED, (b, x) -> b.reshape(x.get(0), b.longs(0, -1)), s(2, 3, 2)),
                GradCase.of(Op.FLATTEN, "axis 1", SIGNED, (b, x) -> b.apply(Op.FLATTEN, x.get(0)), s(2, 3, 2)),
                GradCase.of(Op.FLATTEN, "axis 2", SIGNED, (b, x) -> b.apply(Op.FLATTEN, Attrs.of("axis", 2), x.get(0)), s(2, 3, 2)),
                GradCase.of(Op.SQUEEZE, "axis 1", SIGNED, (b, x) -> b.squeeze(x.get(0), 1), s(2, 1, 3)),
                GradCase.of(Op.UNSQUEEZE, "axes 0 and 2", SIGNED, (b, x) -> b.unsqueeze(x.get(0), 0, 2), s(2, 3)),
                GradCase.of(Op.TRANSPOSE, "perm 1,2,0", SIGNED, (b, x) -> b.transpose(x.get(0), 1, 2, 0), s(2, 3, 4)),
                GradCase.of(Op.TRANSPOSE, "default reverses", SIGNED, (b, x) -> b.apply(Op.TRANSPOSE, x.get(0)), s(2, 3, 4)),
                GradCase.of(Op.CONCAT, "axis 0", SIGNED, (b, x) -> b.apply(Op.CONCAT, Attrs.of("axis", 0), x.get(0), x.get(1)),
                        s(2, 3), s(1, 3)),
                GradCase.of(Op.CONCAT, "axis -1, three", SIGNED, (b, x) -> b.apply(Op.CONCAT, Attrs.of("axis", -1),
                        x.get(0), x.get(1), x.get(2)), s(2, 1), s(2, 3), s(2, 2)),
                // Expand: [3,1] to [2,3,4]
                GradCase.of(Op.EXPAND, "[3,1] to [2,3,4]", SIGNED, (b, x) -> b.expand(x.get(0), b.longs(2, 3, 4)), s(3, 1)),
                GradCase.of(Op.SPACE_TO_DEPTH, "block 2", SIGNED, (b, x) -> b.apply(Op.SPACE_TO_DEPTH,
                        Attrs.of("blocksize", 2L), x.get(0)), s(2, 3, 4, 6)),
                GradCase.of(Op.DEPTH_TO_SPACE, "block 2, DCR", SIGNED, (b, x) -> b.apply(Op.DEPTH_TO_SPACE,
                        Attrs.of("blocksize", 2L), x.get(0)), s(2, 8, 3, 2)),
                GradCase.of(Op.DEPTH_TO_SPACE, "block 2, CRD", SIGNED, (b, x) -> b.apply(Op.DEPTH_TO_SPACE,
                        Attrs.of("blocksize", 2L).with("mode", "CRD"), x.get(0)), s(2, 8, 3, 2)),
                // Gather: an embedding table read by repeated indices; axis 1 with a negative index; a scalar index
                GradCase.of(Op.GATHER, "axis 0, repeated", SIGNED, (b, x) -> b.apply(Op.GATHER, x.get(0),
                        b.initializer(Tensor.longs("rows", new long[] {0, 2, 2, 4}, 2, 2))), s(5, 3)),
                GradCase.of(Op.GATHER, "axis 1, negative", SIGNED, (b, x) -> b.apply(Op.GATHER, Attrs.of("axis", 1L),
                        x.get(0), b.initializer(Tensor.longs("columns", new long[] {3, -1, 1}, 3))), s(2, 4, 3)),
                GradCase.of(Op.GATHER, "scalar index, axis -1", SIGNED, (b, x) -> b.apply(Op.GATHER,
                        Attrs.of("axis", -1L), x.get(0), b.initializer(Tensor.longs("last", new long[] {2}))), s(3, 4)),
                // ReduceSum: axis 1 dropped; axes 0 and 2 kept; everything
                GradCase.of(Op.REDUCE_SUM, "axis 1", SIGNED, (b, x) -> b.reduceSum(x.get(0), false, 1), s(2, 3, 4)),
                GradCase.of(Op.REDUCE_SUM, "axes 0,2 kept", SIGNED, (b, x) -> b.reduceSum(x.get(0), true, 0, -1), s(2, 3, 4)),
                GradCase.of(Op.REDUCE_SUM, "all", SIGNED, (b, x) -> b.reduceSum(x.get(0), false), s(2, 3)),
                GradCase.of(Op.REDUCE_MEAN, "axis 1 kept", SIGNED, (b, x) -> b.reduceMean(x.get(0), true, 1), s(2, 3, 4)),
                GradCase.of(Op.REDUCE_MEAN, "all", SIGNED, (b, x) -> b.reduceMean(x.get(0), false), s(2, 3)),
                GradCase.of(Op.REDUCE_SUM_SQUARE, "axis 0", SIGNED,
                        (b, x) -> b.apply(Op.REDUCE_SUM_SQUARE, Attrs.of("axes", new long[] {0}, "keepdims", 0), x.get(0)), s(3, 2)),
                // Conv (float: ORT has no double Conv; linear in x, w and b, so the big-step difference is exact):
                // plain 3x3 with bias; stride 2 with asymmetric pads (stride does not divide: the weight gradient is sliced);
                // dilation 2 with stride (1,2); two groups with stride 2 and pad 1; depthwise 2x2 without bias; 1-D
                GradCase.of(Op.CONV, "3x3 + bias", SIGNED, (b, x) -> b.apply(Op.CONV, x.get(0), x.get(1), x.get(2)),
                        s(2, 3, 5, 5), s(4, 3, 3, 3), s(4)).float32(),
                GradCase.of(Op.CONV, "stride 2, pads 1,0,1,1", SIGNED, (b, x) -> b.apply(Op.CONV,
                        Attrs.of("strides", new long[] {2, 2}, "pads", new long[] {1, 0, 1, 1}), x.get(0), x.get(1), x.get(2)),
                        s(1, 2, 6, 5), s(3, 2, 3, 2), s(3)).float32(),
                GradCase.of(Op.CONV, "dilation 2, stride 1,2", SIGNED, (b, x) -> b.apply(Op.CONV,
                        Attrs.of("dilations", new long[] {2, 2}, "strides", new long[] {1, 2}), x.get(0), x.get(1), x.get(2)),
                        s(2, 2, 7, 7), s(2, 2, 3, 3), s(2)).float32(),
                GradCase.of(Op.CONV, "group 2, stride 2, pad 1", SIGNED, (b, x) -> b.apply(Op.CONV,
                        Attrs.of("group", 2L, "strides", new long[] {2, 2}).with("pads", new long[] {1, 1, 1, 1}),
                        x.get(0), x.get(1), x.get(2)), s(2, 4, 5, 5), s(6, 2, 3, 3), s(6)).float32(),
                GradCase.of(Op.CONV, "depthwise 2x2, no bias", SIGNED, (b, x) -> b.apply(Op.CONV, Attrs.of("group", 3L),
                        x.get(0), x.get(1)), s(2, 3, 4, 5), s(3, 1, 2, 2)).float32(),
                GradCase.of(Op.CONV, "1-D, stride 2", SIGNED, (b, x) -> b.apply(Op.CONV, Attrs.of("strides", new long[] {2}),
                        x.get(0), x.get(1), x.get(2)), s(2, 2, 7), s(3, 2, 3), s(3)).float32(),
                // MaxPool (double): windows that tile x (SpaceToDepth), 2x2 stride 2 on an odd size (last row dropped,
                // then padded back); 3x3 stride 1 pad 1 (overlapping
                // windows: scattered gradients add up); ceil mode; with the Indices output already there
                GradCase.of(Op.MAX_POOL, "2x2 stride 2, odd size", SIGNED, (b, x) -> b.apply(Op.MAX_POOL,
                        Attrs.of("kernel_shape", new long[] {2, 2}, "strides", new long[] {2, 2}), x.get(0)), s(2, 2, 5, 5)),
                GradCase.of(Op.MAX_POOL, "3x3 stride 3 (windows tile x)", SIGNED, (b, x) -> b.apply(Op.MAX_POOL,
                        Attrs.of("kernel_shape", new long[] {3, 3}, "strides", new long[] {3, 3}), x.get(0)), s(2, 3, 6, 9)),
                GradCase.of(Op.MAX_POOL, "3x3 stride 1 pad 1", SIGNED, (b, x) -> b.apply(Op.MAX_POOL,
                        Attrs.of("kernel_shape", new long[] {3, 3}, "pads", new long[] {1, 1, 1, 1}), x.get(0)), s(1, 2, 4, 5)),
                GradCase.of(Op.MAX_POOL, "2x2 stride 2 ceil", SIGNED, (b, x) -> b.apply(Op.MAX_POOL,
                        Attrs.of("kernel_shape", new long[] {2, 2}, "strides", new long[] {2, 2}).with("ceil_mode", 1L), x.get(0)),
                        s(1, 2, 5, 3)),
                GradCase.of(Op.MAX_POOL, "with Indices output", SIGNED, (b, x) -> b.node(Op.MAX_POOL,
                        Attrs.of("kernel_shape", new long[] {2, 2}), 2, x.get(0)).get(0), s(2, 1, 3, 4)),
                // AveragePool (float, linear): 2x2 stride 2; 3x3 stride 2 pad 1 without and with padding in the count
                GradCase.of(Op.AVERAGE_POOL, "2x2 stride 2", SIGNED, (b, x) -> b.apply(Op.AVERAGE_POOL,
                        Attrs.of("kernel_shape", new long[] {2, 2}, "strides", new long[] {2, 2}), x.get(0)), s(2, 2, 5, 4)).float32(),
                GradCase.of(Op.AVERAGE_POOL, "3x3 stride 2 pad 1, pads not counted", SIGNED, (b, x) -> b.apply(Op.AVERAGE_POOL,
                        Attrs.of("kernel_shape", new long[] {3, 3}, "strides", new long[] {2, 2}).with("pads", new long[] {1, 1, 1, 1}),
                        x.get(0)), s(1, 2, 5, 6)).float32(),
                GradCase.of(Op.AVERAGE_POOL, "3x3 stride 2 pad 1, pads counted", SIGNED, (b, x) -> b.apply(Op.AVERAGE_POOL,
                        Attrs.of("kernel_shape", new long[] {3, 3}, "strides", new long[] {2, 2}).with("pads", new long[] {1, 1, 1, 1})
                                .with("count_include_pad", 1L), x.get(0)), s(1, 2, 5, 6)).float32(),
                // GlobalAveragePool (float, linear): [2,3,4,5] to [2,3,1,1]
                GradCase.of(Op.GLOBAL_AVERAGE_POOL, "", SIGNED, (b, x) -> b.apply(Op.GLOBAL_AVERAGE_POOL, x.get(0)),
                        s(2, 3, 4, 5)).float32(),
                // BatchNormalization, inference form: x [3,2,3,3]; scale, bias, mean [2]; variance |v| + 0.5 kept positive;
                // and on [4,3] (BatchNorm1d)
                GradCase.of(Op.BATCH_NORMALIZATION, "inference, 4-D", SIGNED, (b, x) -> b.apply(Op.BATCH_NORMALIZATION,
                        Attrs.of("epsilon", 1e-3), x.get(0), x.get(1), x.get(2), x.get(3),
                        b.add(b.abs(x.get(4)), b.scalar(0.5, DType.DOUBLE))), s(3, 2, 3, 3), s(2), s(2), s(2), s(2)),
                GradCase.of(Op.BATCH_NORMALIZATION, "inference, 2-D", SIGNED, (b, x) -> b.apply(Op.BATCH_NORMALIZATION,
                        x.get(0), x.get(1), x.get(2), x.get(3), b.add(b.abs(x.get(4)), b.scalar(0.5, DType.DOUBLE))),
                        s(4, 3), s(3), s(3), s(3), s(3)),
                // Batch normalisation in training mode as SpecGraphs writes it (batch statistics from primitive ops)
                GradCase.of(Op.REDUCE_MEAN, "batch statistics normalisation [4,2,3,3]", SIGNED, (b, x) ->
                        BatchNorms.training(b, x.get(0), x.get(1), x.get(2), 1e-3).y(), s(4, 2, 3, 3), s(2), s(2)),
                // Pad, constant mode: [2,3,4] padded by (0,1,2) before and (0,2,1) after, constant 0.5
                GradCase.of(Op.PAD, "constant", SIGNED, (b, x) -> b.apply(Op.PAD, x.get(0), b.longs(0, 1, 2, 0, 2, 1),
                        b.scalar(0.5, DType.DOUBLE)), s(2, 3, 4)),
                // Reshape of the flat input to [N, C, H, W]
                GradCase.of(Op.RESHAPE, "flat to [-1,3,2,2]", SIGNED, (b, x) -> b.reshape(x.get(0), b.longs(-1, 3, 2, 2)), s(2, 12)),
                // Composite with fan-out: x feeds MatMul and Mul, h feeds Mul and Exp and Sigmoid
                GradCase.of(Op.IDENTITY, "composite h = tanh(x W); h x + exp(h) + sigmoid(h)", SIGNED, (b, x) -> {
                    var h = b.apply(Op.TANH, b.matmul(x.get(0), x.get(1)));
                    return b.sum(b.mul(h, x.get(0)), b.exp(h), b.sigmoid(h));
                }, s(3, 4), s(4, 4)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesFiniteDifferences(GradCase c) throws Exception {
        FiniteDifference.check(c, SEED);
    }

    @AfterEach
    void closeSessions() throws Exception {
        FiniteDifference.closeShared();
    }

    @Test
    void everyRuleHasACheck() {
        Set<Op> checked = cases().stream().map(GradCase::op).collect(Collectors.toCollection(() -> EnumSet.noneOf(Op.class)));
        Set<Op> rules = GradientTable.entries().entrySet().stream().filter(e -> e.getValue() instanceof Gradient.Rule)
                .map(java.util.Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(checked).containsAll(rules);
    }

    private static long[] s(long... dims) {
        return dims;
    }
}
