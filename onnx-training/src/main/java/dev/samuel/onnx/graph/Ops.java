package dev.samuel.onnx.graph;

import java.util.List;

/**
 * Short names for the nodes graphs and gradient rules write, so that a rule reads like its math:
 * {@code mul(g, sub(one(y), y))}. Everything funnels into {@link #node}.
 */
public abstract class Ops {

    public abstract List<Value> node(Op op, Attrs attrs, int outputCount, Value... args);

    protected abstract Value constant(Tensor proto);

    public Value apply(Op op, Value... args) {
        return node(op, Attrs.NONE, 1, args).get(0);
    }

    public Value apply(Op op, Attrs attrs, Value... args) {
        return node(op, attrs, 1, args).get(0);
    }

    // Constants

    /** A scalar of the element type of {@code like}. */
    public Value scalar(double v, DType type) {
        return constant(Tensor.filled("c", type, v));
    }

    public Value scalarLike(double v, Value like) {
        return scalar(v, like.type());
    }

    public Value longs(long... v) {
        return constant(Tensor.longs("c", v, v.length));
    }

    // Arithmetic

    public Value add(Value a, Value b) { return apply(Op.ADD, a, b); }

    public Value sub(Value a, Value b) { return apply(Op.SUB, a, b); }

    public Value mul(Value a, Value b) { return apply(Op.MUL, a, b); }

    public Value div(Value a, Value b) { return apply(Op.DIV, a, b); }

    public Value pow(Value a, Value b) { return apply(Op.POW, a, b); }

    public Value neg(Value a) { return apply(Op.NEG, a); }

    public Value exp(Value a) { return apply(Op.EXP, a); }

    public Value log(Value a) { return apply(Op.LOG, a); }

    public Value sqrt(Value a) { return apply(Op.SQRT, a); }

    public Value abs(Value a) { return apply(Op.ABS, a); }

    public Value sigmoid(Value a) { return apply(Op.SIGMOID, a); }

    public Value relu(Value a) { return apply(Op.RELU, a); }

    public Value sum(Value... terms) { return terms.length == 1 ? terms[0] : apply(Op.SUM, terms); }

    public Value min(Value a, Value b) { return apply(Op.MIN, a, b); }

    public Value matmul(Value a, Value b) { return apply(Op.MATMUL, a, b); }

    public Value gemm(Value a, Value b, Value c, boolean transA, boolean transB) {
        Attrs attrs = Attrs.of("transA", transA ? 1 : 0, "transB", transB ? 1 : 0);
        return c == null ? apply(Op.GEMM, attrs, a, b) : apply(Op.GEMM, attrs, a, b, c);
    }

    // Comparison and selection

    public Value greater(Value a, Value b) { return apply(Op.GREATER, a, b); }

    public Value equal(Value a, Value b) { return apply(Op.EQUAL, a, b); }

    public Value where(Value cond, Value a, Value b) { return apply(Op.WHERE, cond, a, b); }

    public Value cast(Value a, DType to) {
        return a.type() == to ? a : apply(Op.CAST, Attrs.of("to", (long) to.onnxCode()), a);
    }

    // Layout

    public Value transpose(Value a, long... perm) {
        return apply(Op.TRANSPOSE, Attrs.of("perm", perm), a);
    }

    /** Swaps the last two axes, keeping any batch axes in front. */
    public Value transposeLast2(Value a) {
        int r = a.rank();
        long[] perm = new long[r];
        for (int i = 0; i < r; i++) {
            perm[i] = i;
        }
        perm[r - 2] = r - 1;
        perm[r - 1] = r - 2;
        return transpose(a, perm);
    }

    public Value reshape(Value a, Value shape) { return apply(Op.RESHAPE, a, shape); }

    public Value shapeOf(Value a) { return apply(Op.SHAPE, a); }

    public Value unsqueeze(Value a, long... axes) { return apply(Op.UNSQUEEZE, a, longs(axes)); }

    public Value squeeze(Value a, long... axes) { return apply(Op.SQUEEZE, a, longs(axes)); }

    public Value expand(Value a, Value shape) { return apply(Op.EXPAND, a, shape); }

    // Reductions

    public Value reduceSum(Value a, boolean keepDims, long... axes) {
        Attrs attrs = Attrs.of("keepdims", keepDims ? 1 : 0);
        return axes.length == 0 ? apply(Op.REDUCE_SUM, attrs, a) : apply(Op.REDUCE_SUM, attrs, a, longs(axes));
    }

    public Value reduceMean(Value a, boolean keepDims, long... axes) {
        Attrs attrs = Attrs.of("keepdims", keepDims ? 1 : 0);
        return apply(Op.REDUCE_MEAN, axes.length == 0 ? attrs : attrs.with("axes", axes), a);
    }

    public Value reduceSumSquare(Value a) {
        return apply(Op.REDUCE_SUM_SQUARE, Attrs.of("keepdims", 0), a);
    }
}
