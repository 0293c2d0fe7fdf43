package dev.samuel.onnx.grad;

import dev.samuel.onnx.graph.Attrs;
import dev.samuel.onnx.graph.GraphBuilder;
import dev.samuel.onnx.graph.Op;
import dev.samuel.onnx.graph.Shape;
import dev.samuel.onnx.graph.Value;
import java.util.List;

/** Layout changes and reductions: gradients move back to where the elements came from. */
final class ShapeRules {
    private ShapeRules() {
    }

    // y = x viewed with another shape (Reshape, Flatten, Squeeze, Unsqueeze): dx = g viewed as x
    static Value[] reshape(GradContext c) {
        return c.grads(c.reshapeLike(c.g(), c.in(0)));
    }

    // y = SpaceToDepth(x, b) moves each b x b block into channels (b, b, C): dx = DepthToSpace(g, b) in mode DCR
    static Value[] spaceToDepth(GradContext c) {
        long block = c.attrs().getInt("blocksize", 1);
        return c.grads(c.b().apply(Op.DEPTH_TO_SPACE, Attrs.of("blocksize", block).with("mode", "DCR"), c.g()));
    }

    // y = DepthToSpace(x, b): DCR is SpaceToDepth's inverse, so dx = SpaceToDepth(g, b); CRD reads channels as
    // (C, b, b), so dx is g's blocks put back in that order: reshape [N, C, H, b, W, b], move both b after C
    static Value[] depthToSpace(GradContext c) {
        GraphBuilder b = c.b();
        long block = c.attrs().getInt("blocksize", 1);
        if (!"CRD".equals(c.attrs().get("mode"))) {
            return c.grads(b.apply(Op.SPACE_TO_DEPTH, Attrs.of("blocksize", block), c.g()));
        }
        Shape ys = c.out(0).shape();
        if (ys.dim(2) == Shape.DYNAMIC || ys.dim(3) == Shape.DYNAMIC) {
            throw c.fail("in mode CRD needs static spatial dimensions");
        }
        long h = ys.dim(2) / block;
        long w = ys.dim(3) / block;
        Value blocks = b.transpose(b.reshape(c.g(), b.longs(0, -1, h, block, w, block)), 0, 1, 3, 5, 2, 4);
        return c.grads(b.reshape(blocks, b.longs(0, -1, h, w)));
    }

    // y = x with axes permuted by p: dx = g permuted by the inverse of p
    static Value[] transpose(GradContext c) {
        long[] perm = c.attrs().getInts("perm");
        int rank = c.in(0).rank();
        long[] inverse = new long[rank];
        for (int i = 0; i < rank; i++) {
            inverse[perm == null ? rank - 1 - i : (int) perm[i]] = i;
        }
        return c.grads(c.b().transpose(c.g(), inverse));
    }

    // y = concat(x1..xn) along axis: dxi = the slice of g that xi filled
    static Value[] concat(GradContext c) {
        int n = c.inputCount();
        long axis = c.attrs().getInt("axis", 0);
        long[] sizes = new long[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = c.in(i).shape().dim((int) axis);
            if (sizes[i] == Shape.DYNAMIC) {
                throw c.fail("needs the concatenated axis to be static, input " + i + " is " + c.in(i));
            }
        }
        GraphBuilder b = c.b();
        List<Value> parts = b.node(Op.SPLIT, Attrs.of("axis", axis), n, c.g(), b.longs(sizes));
        return c.grads(parts.toArray(Value[]::new));
    }

    // y = x broadcast to a shape: dx = g summed over the broadcast axes
    static Value[] expand(GradContext c) {
        return c.grads(c.unbroadcast(c.g(), c.in(0)), null);
    }

    // y = sum of x over axes: dx = g broadcast back over those axes
    static Value[] reduceSum(GradContext c) {
        long[] axes = c.constant(1) == null ? null : c.constant(1).longs();
        if (c.node().hasInput(1) && axes == null) {
            throw c.fail("needs its axes as a constant");
        }
        if ((axes == null || axes.length == 0) && c.attrs().getInt("noop_with_empty_axes", 0) == 1) {
            return c.grads(c.g());
        }
        return c.grads(spread(c, axes));
    }

    // y = mean of x over axes: dx = g broadcast back, divided by the count of elements averaged
    static Value[] reduceMean(GradContext c) {
        GraphBuilder b = c.b();
        Value x = c.in(0);
        long count = x.shape().size() == Shape.DYNAMIC ? Shape.DYNAMIC : x.shape().size() / c.out(0).shape().size();
        Value n = count != Shape.DYNAMIC ? b.scalarLike(count, x)
                : b.cast(b.div(b.apply(Op.SIZE, x), b.apply(Op.SIZE, c.out(0))), x.type());
        return c.grads(b.div(spread(c, c.attrs().getInts("axes")), n));
    }

    // y = sum of x^2 over axes: dx = 2 x g broadcast back
    static Value[] reduceSumSquare(GradContext c) {
        GraphBuilder b = c.b();
        Value x = c.in(0);
        return c.grads(b.mul(b.mul(spread(c, c.attrs().getInts("axes")), x), b.scalarLike(2, x)));
    }

    /** g of a reduction over axes (null or empty: all), broadcast back to the input's shape. */
    private static Value spread(GradContext c, long[] axes) {
        GraphBuilder b = c.b();
        Value x = c.in(0);
        Value g = c.g();
        boolean keep = c.attrs().getInt("keepdims", 1) == 1;
        if (!keep) {
            long[] kept = axes == null || axes.length == 0 ? all(x.rank()) : axes;
            g = b.unsqueeze(g, normalised(kept, x.rank()));
        }
        Value out = b.expand(g, c.shapeOf(x));
        long[] dims = x.shape() == null ? null : x.shape().dims();
        if (out.shape() != null || dims == null || java.util.Arrays.stream(dims).filter(d -> d == Shape.DYNAMIC).count() != 1) {
            return out;
        }
        // expanded to a runtime shape: a reshape to x's dims (batch as -1) keeps the shape known for later rules
        return b.reshape(out, b.longs(java.util.Arrays.stream(dims).map(d -> d == Shape.DYNAMIC ? -1 : d).toArray()));
    }

    private static long[] all(int rank) {
        long[] a = new long[rank];
        for (int i = 0; i < rank; i++) {
            a[i] = i;
        }
        return a;
    }

    private static long[] normalised(long[] axes, int rank) {
        long[] a = new long[axes.length];
        for (int i = 0; i < axes.length; i++) {
            a[i] = axes[i] < 0 ? axes[i] + rank : axes[i];
        }
        java.util.Arrays.sort(a);
        return a;
    }
}
