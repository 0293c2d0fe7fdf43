package dev.samuel.onnx.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Output types and shapes of the ops we use, from their input shapes and constant inputs. A shape is
 * left null (unknown) only where it depends on a runtime value; rules that need it then say so.
 */
final class ShapeInference {
    private ShapeInference() {
    }

    static List<Value> infer(Node node, List<Value> args, Function<String, Tensor> constants) {
        Value x = args.get(0);
        Shape s = x.shape();
        Attrs at = node.attrs();
        return switch (node.op()) {
            case NEG, ABS, RECIPROCAL, EXP, LOG, SQRT, RELU, LEAKY_RELU, SIGMOID, TANH, SOFTMAX, LOG_SOFTMAX,
                    IDENTITY, NOT -> outs(node, x.type(), s);
            case DROPOUT -> dropout(node, x);
            case ADD, SUB, MUL, DIV, POW, SUM, MIN, MAX -> outs(node, x.type(), broadcastAll(args));
            case EQUAL, GREATER, LESS, AND -> outs(node, DType.BOOL, broadcastAll(args));
            case IS_NAN -> outs(node, DType.BOOL, s);
            case LABEL_ENCODER -> outs(node, DType.INT64, s);
            case GATHER -> outs(node, x.type(), Shapes.gather(s, args.get(1).shape(), at.getInt("axis", 0)));
            case WHERE -> outs(node, args.get(1).type(), broadcastAll(args));
            case GEMM -> outs(node, x.type(), gemm(s, args.get(1).shape(), at));
            case MATMUL -> outs(node, x.type(), Shapes.matmul(s, args.get(1).shape()));
            case RESHAPE -> outs(node, x.type(), Shapes.reshape(s, constant(args.get(1), constants), args.get(1)));
            case FLATTEN -> outs(node, x.type(), Shapes.flatten(s, (int) at.getInt("axis", 1)));
            case TRANSPOSE -> outs(node, x.type(), Shapes.transpose(s, at.getInts("perm")));
            case CONCAT -> outs(node, x.type(), Shapes.concat(args, (int) at.getInt("axis", 0)));
            case SPLIT -> split(node, x, longsOf(args.get(1), constants));
            case SIZE -> outs(node, DType.INT64, Shape.SCALAR);
            case UNSQUEEZE -> outs(node, x.type(), Shapes.unsqueeze(s, longsOf(args.get(1), constants)));
            case SQUEEZE -> outs(node, x.type(), Shapes.squeeze(s, args.size() > 1 ? longsOf(args.get(1), constants) : null));
            case SPACE_TO_DEPTH -> outs(node, x.type(), Shapes.spaceToDepth(s, at.getInt("blocksize", 1)));
            case DEPTH_TO_SPACE -> outs(node, x.type(), Shapes.depthToSpace(s, at.getInt("blocksize", 1)));
            case EXPAND -> outs(node, x.type(), Shapes.expand(s, constant(args.get(1), constants), args.get(1)));
            case SHAPE -> outs(node, DType.INT64, Shape.of(s == null ? Shape.DYNAMIC : shapeLength(s, at)));
            case CAST -> outs(node, DType.ofOnnxCode((int) at.getInt("to", 0)), s);
            case CONSTANT_OF_SHAPE -> constantOfShape(node, args.get(0), constants);
            case REDUCE_SUM -> outs(node, x.type(), reduceSum(node, args, constants));
            case REDUCE_MEAN, REDUCE_MAX, REDUCE_SUM_SQUARE ->
                    outs(node, x.type(), Shapes.reduce(s, at.getInts("axes"), at.getInt("keepdims", 1) == 1));
            case CONV -> outs(node, x.type(), conv(s, args.get(1).shape(), at));
            case CONV_TRANSPOSE -> outs(node, x.type(), convTranspose(s, args.get(1).shape(), at));
            case MAX_POOL -> maxPool(node, x, Window.of(at, at.getInts("kernel_shape")));
            case AVERAGE_POOL -> outs(node, x.type(), Window.of(at, at.getInts("kernel_shape")).outShape(s, s.dim(1)));
            case GLOBAL_AVERAGE_POOL -> outs(node, x.type(), globalPool(s));
            case BATCH_NORMALIZATION -> batchNorm(node, x, args.get(1).shape());
            case PAD -> outs(node, x.type(), pad(s, longsOf(args.get(1), constants)));
            case SLICE -> outs(node, x.type(), slice(s, args, constants));
            case SCATTER_ELEMENTS, SCATTER_ND -> outs(node, x.type(), s);
            case ARG_MAX -> outs(node, DType.INT64,
                    Shapes.reduce(s, new long[] {at.getInt("axis", 0)}, at.getInt("keepdims", 1) == 1));
        };
    }

    private static List<Value> outs(Node node, DType type, Shape shape) {
        return List.of(new Value(node.output(0), type, shape));
    }

    private static List<Value> dropout(Node node, Value x) {
        List<Value> out = new ArrayList<>(outs(node, x.type(), x.shape()));
        if (node.outputs().size() > 1) {
            out.add(new Value(node.output(1), DType.BOOL, x.shape()));
        }
        return out;
    }

    /** Split with explicit sizes (the only form we write). */
    private static List<Value> split(Node node, Value x, long[] sizes) {
        int axis = (int) node.attrs().getInt("axis", 0);
        if (sizes.length != node.outputs().size()) {
            throw new IllegalArgumentException(sizes.length + " split sizes for " + node.outputs().size() + " outputs");
        }
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            long[] d = x.shape().dims();
            d[axis < 0 ? axis + d.length : axis] = sizes[i];
            out.add(new Value(node.output(i), x.type(), Shape.of(d)));
        }
        return out;
    }

    private static Shape broadcastAll(List<Value> args) {
        Shape out = args.get(0).shape();
        for (Value a : args.subList(1, args.size())) {
            out = out == null || a.shape() == null ? null : Shape.broadcast(out, a.shape());
        }
        return out;
    }

    private static Shape gemm(Shape a, Shape b, Attrs at) {
        if (a == null || b == null || a.rank() != 2 || b.rank() != 2) {
            throw new IllegalArgumentException("Gemm needs two matrices");
        }
        boolean ta = at.getInt("transA", 0) == 1;
        boolean tb = at.getInt("transB", 0) == 1;
        long k1 = ta ? a.dim(0) : a.dim(1);
        long k2 = tb ? b.dim(1) : b.dim(0);
        Shapes.checkInner(k1, k2, a, b);
        return Shape.of(ta ? a.dim(1) : a.dim(0), tb ? b.dim(0) : b.dim(1));
    }

    private static Shape reduceSum(Node node, List<Value> args, Function<String, Tensor> constants) {
        boolean keep = node.attrs().getInt("keepdims", 1) == 1;
        if (args.size() < 2 || args.get(1) == null) {
            boolean noop = node.attrs().getInt("noop_with_empty_axes", 0) == 1;
            return noop ? args.get(0).shape() : Shapes.reduce(args.get(0).shape(), null, keep);
        }
        return Shapes.reduce(args.get(0).shape(), longsOf(args.get(1), constants), keep);
    }

    private static List<Value> constantOfShape(Node node, Value shape, Function<String, Tensor> constants) {
        Tensor fill = (Tensor) node.attrs().get("value");
        Tensor dims = constants.apply(shape.name());
        Shape out = dims == null ? null : Shape.of(dims.longs());
        return outs(node, fill == null ? DType.FLOAT : fill.type(), out);
    }

    private static long shapeLength(Shape s, Attrs at) {
        long start = at.getInt("start", 0);
        long end = at.getInt("end", s.rank());
        start = Math.max(0, start < 0 ? start + s.rank() : start);
        end = Math.min(s.rank(), end < 0 ? end + s.rank() : end);
        return Math.max(0, end - start);
    }

    private static Shape conv(Shape x, Shape w, Attrs at) {
        if (x == null || w == null || x.rank() < 3 || w.rank() != x.rank()) {
            throw new IllegalArgumentException("Conv needs [N, C, spatial...] input and [M, C/group, kernel...] weights");
        }
        long group = at.getInt("group", 1);
        if (x.dim(1) != Shape.DYNAMIC && x.dim(1) != w.dim(1) * group) {
            throw new IllegalArgumentException("input channels " + x.dim(1) + " != weight channels " + w.dim(1)
                    + " x group " + group);
        }
        return Window.of(at, Window.spatialDims(w)).outShape(x, w.dim(0));
    }

    // (in - 1) s + output_padding + (k - 1) d + 1 - pad_begin - pad_end
    private static Shape convTranspose(Shape x, Shape w, Attrs at) {
        Window win = Window.of(at, Window.spatialDims(w));
        long[] extra = at.getInts("output_padding");
        long[] d = new long[x.rank()];
        d[0] = x.dim(0);
        d[1] = w.dim(1) * at.getInt("group", 1);
        for (int i = 0; i < win.spatial(); i++) {
            long in = x.dim(2 + i);
            d[2 + i] = in == Shape.DYNAMIC ? Shape.DYNAMIC : (in - 1) * win.strides()[i] + (extra == null ? 0 : extra[i])
                    + win.span(i) - win.padsBegin()[i] - win.padsEnd()[i];
        }
        return Shape.of(d);
    }

    private static List<Value> maxPool(Node node, Value x, Window win) {
        Shape out = win.outShape(x.shape(), x.shape().dim(1));
        List<Value> res = new ArrayList<>(outs(node, x.type(), out));
        if (node.outputs().size() > 1) {
            res.add(new Value(node.output(1), DType.INT64, out));
        }
        return res;
    }

    private static Shape globalPool(Shape x) {
        long[] d = x.dims();
        java.util.Arrays.fill(d, 2, d.length, 1);
        return Shape.of(d);
    }

    private static List<Value> batchNorm(Node node, Value x, Shape stat) {
        List<Value> res = new ArrayList<>(outs(node, x.type(), x.shape()));
        for (int i = 1; i < node.outputs().size(); i++) {
            res.add(new Value(node.output(i), x.type(), stat));
        }
        return res;
    }

    private static Shape pad(Shape x, long[] pads) {
        if (pads.length != 2 * x.rank()) {
            throw new IllegalArgumentException("pads " + java.util.Arrays.toString(pads) + " do not fit " + x);
        }
        long[] d = x.dims();
        for (int i = 0; i < d.length; i++) {
            d[i] = d[i] == Shape.DYNAMIC ? Shape.DYNAMIC : d[i] + pads[i] + pads[i + d.length];
        }
        return Shape.of(d);
    }

    /** Slice with constant starts, ends, axes and unit steps (the only form we write). */
    private static Shape slice(Shape x, List<Value> args, Function<String, Tensor> constants) {
        long[] starts = longsOf(args.get(1), constants);
        long[] ends = longsOf(args.get(2), constants);
        long[] axes = args.size() > 3 && args.get(3) != null ? longsOf(args.get(3), constants) : null;
        if (args.size() > 4 && args.get(4) != null
                && java.util.Arrays.stream(longsOf(args.get(4), constants)).anyMatch(v -> v != 1)) {
            throw new IllegalArgumentException("only unit steps are supported");
        }
        long[] d = x.dims();
        for (int i = 0; i < starts.length; i++) {
            int axis = (int) (axes == null ? i : axes[i] < 0 ? axes[i] + d.length : axes[i]);
            if (d[axis] == Shape.DYNAMIC) {
                continue;
            }
            long s = clamp(starts[i] < 0 ? starts[i] + d[axis] : starts[i], d[axis]);
            long e = clamp(ends[i] < 0 ? ends[i] + d[axis] : ends[i], d[axis]);
            d[axis] = Math.max(0, e - s);
        }
        return Shape.of(d);
    }

    private static long clamp(long v, long dim) {
        return Math.max(0, Math.min(dim, v));
    }

    private static Tensor constant(Value v, Function<String, Tensor> constants) {
        return constants.apply(v.name());
    }

    private static long[] longsOf(Value v, Function<String, Tensor> constants) {
        Tensor t = constants.apply(v.name());
        if (t == null) {
            throw new IllegalArgumentException("axes '" + v.name() + "' must be a constant initializer");
        }
        return t.longs();
    }
}
