package dev.samuel.onnx.grad;

import dev.samuel.onnx.graph.Attrs;
import dev.samuel.onnx.graph.DType;
import dev.samuel.onnx.graph.GraphBuilder;
import dev.samuel.onnx.graph.Op;
import dev.samuel.onnx.graph.Shape;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.graph.Value;
import dev.samuel.onnx.graph.Window;
import java.util.Arrays;

/** Rules of the convolution family: Conv, pooling, batch normalisation (inference form), Pad. */
final class ConvRules {
    private ConvRules() {
    }

    // y = conv(x, w) + b: dx = convT(g, w) (same geometry, output_padding restores x's size),
    // dw[m,c,k] = sum_{n,o} g[n,m,o] x[n,c,o s + k d - p] = conv over x^T with g^T as weights (stride <-> dilation),
    // db = sum_{n,o} g
    static Value[] conv(GradContext c) {
        GraphBuilder b = c.b();
        Value x = c.in(0);
        Value w = c.in(1);
        Value g = c.g();
        Shape xs = x.shape();
        Shape ws = w.shape();
        long group = c.attrs().getInt("group", 1);
        Window win = Window.of(c.attrs(), Window.spatialDims(ws));
        int n = win.spatial();
        Value dx = null;
        if (c.needs(0)) {
            long[] extra = new long[n];
            for (int i = 0; i < n; i++) {
                long in = xs.dim(2 + i);
                long covered = (c.out(0).shape().dim(2 + i) - 1) * win.strides()[i] + win.span(i) - win.padsBegin()[i] - win.padsEnd()[i];
                extra[i] = in - covered;
            }
            Attrs at = Attrs.of("strides", win.strides(), "dilations", win.dilations()).with("pads", win.pads())
                    .with("group", group).with("output_padding", extra).with("kernel_shape", Window.spatialDims(ws));
            dx = b.apply(Op.CONV_TRANSPOSE, at, g, w);
        }
        Value dw = null;
        if (c.needs(1)) {
            long cg = ws.dim(1);
            long[] swap = identityPerm(n + 2);
            swap[0] = 1;
            swap[1] = 0;
            Value xt;
            if (group == 1) {
                xt = b.transpose(x, swap);
            } else {
                // [N, C, s...] -> [N, g, C/g, s...] -> [C/g, g, N, s...] -> [C/g, g N, s...]: one group per block of N
                long[] split = concat(new long[] {-1, group, cg}, Window.spatialDims(xs));
                long[] perm = identityPerm(n + 3);
                perm[0] = 2;
                perm[2] = 0;
                xt = b.reshape(b.transpose(b.reshape(x, b.longs(split)), perm),
                        b.longs(concat(new long[] {cg, -1}, Window.spatialDims(xs))));
            }
            Attrs at = Attrs.of("strides", win.dilations(), "dilations", win.strides()).with("pads", win.pads())
                    .with("group", group);
            Value full = b.transpose(b.apply(Op.CONV, at, xt, b.transpose(g, swap)), swap);
            dw = sliceTo(b, full, ws);
        }
        Value db = null;
        if (c.inputCount() > 2 && c.needs(2)) {
            db = b.reduceSum(g, false, concat(new long[] {0}, range(2, n + 2)));
        }
        return c.grads(dx, dw, db);
    }

    // y = max over each window: dx scatters g to the argmax positions (MaxPool's Indices, flat over x), summing overlaps
    static Value[] maxPool(GradContext c) {
        GraphBuilder b = c.b();
        Value x = c.in(0);
        Window win = Window.of(c.attrs(), c.attrs().getInts("kernel_shape"));
        if (c.node().outputs().size() == 1 && tiles(win, x.shape())) {
            return c.grads(tiledMaxPool(b, x, c.out(0), c.g(), win.kernel()[0]));
        }
        if (c.attrs().getInt("storage_order", 0) != 0) {
            throw c.fail("needs storage_order 0 (row-major indices)");
        }
        Value indices = c.node().outputs().size() > 1 ? c.out(1)
                : b.node(Op.MAX_POOL, c.attrs(), 2, x).get(1);
        Value flat = b.reshape(x, b.longs(-1));
        Value zeros = b.apply(Op.CONSTANT_OF_SHAPE, Attrs.of("value", Tensor.filled("zero", x.type(), 0, 1)), b.shapeOf(flat));
        Value scattered = b.apply(Op.SCATTER_ELEMENTS, Attrs.of("axis", 0L).with("reduction", "add"),
                zeros, b.reshape(indices, b.longs(-1)), b.reshape(c.g(), b.longs(-1)));
        return c.grads(reshapeTo(b, scattered, x));
    }

    /** Square 2-D windows that tile x without overlap or padding (stride = kernel), as pooling layers mostly use. */
    private static boolean tiles(Window win, Shape xs) {
        long[] k = win.kernel();
        return xs != null && xs.rank() == 4 && k.length == 2 && k[0] == k[1] && Arrays.equals(win.strides(), k)
                && !win.padded() && !win.ceil() && Arrays.stream(win.dilations()).allMatch(d -> d == 1)
                && Arrays.stream(Window.spatialDims(xs)).noneMatch(d -> d == Shape.DYNAMIC);
    }

    // Non-overlapping k x k windows: SpaceToDepth lays x out as [N, k k, C, H / k, W / k], each window's k k values
    // along axis 1, so its maxima are where it equals y (broadcast over that axis); g goes there, shared equally
    // among tied maxima (a subgradient of max), and DepthToSpace puts it back. Six contiguous passes over x's size
    // where MaxPool's Indices output and ScatterElements take several times longer in ORT. Rows and columns the
    // floor left out of every window get zero.
    private static Value tiledMaxPool(GraphBuilder b, Value x, Value y, Value g, long k) {
        long[] in = Window.spatialDims(x.shape());
        long[] covered = {in[0] / k * k, in[1] / k * k};
        boolean cropped = covered[0] != in[0] || covered[1] != in[1];
        Value xc = cropped ? b.apply(Op.SLICE, x, b.longs(0, 0), b.longs(covered), b.longs(2, 3)) : x;
        Attrs block = Attrs.of("blocksize", k);
        Value windows = b.reshape(b.apply(Op.SPACE_TO_DEPTH, block, xc), b.longs(0, k * k, -1, in[0] / k, in[1] / k));
        Value pooled = b.longs(0, 1, -1, in[0] / k, in[1] / k);
        Value isMax = b.equal(windows, b.reshape(y, pooled));
        Value ties = b.reduceSum(b.cast(isMax, x.type()), true, 1);
        Value share = b.where(isMax, b.div(b.reshape(g, pooled), ties), b.scalarLike(0, x));
        Value dx = b.apply(Op.DEPTH_TO_SPACE, block.with("mode", "DCR"),
                b.reshape(share, b.longs(0, -1, in[0] / k, in[1] / k)));
        return cropped ? b.apply(Op.PAD, dx, b.longs(0, 0, 0, 0, 0, 0, in[0] - covered[0], in[1] - covered[1])) : dx;
    }

    // y[o] = sum_{k in window(o)} x[k] / count(o): dx = convT(g / count, ones) per channel (count: kernel size,
    // or the in-bounds part of the window when count_include_pad is 0 and there is padding)
    static Value[] averagePool(GradContext c) {
        GraphBuilder b = c.b();
        Value x = c.in(0);
        Shape xs = x.shape();
        long[] kernel = c.attrs().getInts("kernel_shape");
        Window win = Window.of(c.attrs(), kernel);
        if (win.ceil()) {
            throw c.fail("does not support ceil_mode 1");
        }
        long channels = xs.dim(1);
        Shape ys = c.out(0).shape();
        long[] outDims = Window.spatialDims(ys);
        Value scaled;
        if (c.attrs().getInt("count_include_pad", 0) == 1 || !win.padded()) {
            scaled = b.mul(c.g(), b.scalarLike(1.0 / Arrays.stream(kernel).reduce(1, (p, q) -> p * q), x));
        } else {
            scaled = b.mul(c.g(), b.initializer(inverseCounts(b, win, Window.spatialDims(xs), outDims, x.type())));
        }
        long[] extra = new long[win.spatial()];
        for (int i = 0; i < extra.length; i++) {
            extra[i] = xs.dim(2 + i) - ((outDims[i] - 1) * win.strides()[i] + kernel[i] - win.padsBegin()[i] - win.padsEnd()[i]);
        }
        Tensor ones = Tensor.filled(b.freshName("pool_ones"), x.type(), 1, concat(new long[] {channels, 1}, kernel));
        Attrs at = Attrs.of("strides", win.strides(), "pads", win.pads()).with("group", channels)
                .with("output_padding", extra).with("kernel_shape", kernel);
        return c.grads(b.apply(Op.CONV_TRANSPOSE, at, scaled, b.initializer(ones)));
    }

    // y[n,c] = mean over the spatial axes of x[n,c]: dx = g broadcast / (number of spatial positions)
    static Value[] globalAveragePool(GradContext c) {
        Value x = c.in(0);
        long[] spatial = Window.spatialDims(x.shape());
        long count = Arrays.stream(spatial).reduce(1, (p, q) -> p * q);
        GraphBuilder b = c.b();
        Tensor spread = Tensor.filled(b.freshName("global_pool_spread"), x.type(), 1.0 / count, concat(new long[] {1, 1}, spatial));
        return c.grads(b.mul(c.g(), b.initializer(spread)));
    }

    // inference form, per channel: y = (x - m) s r + B with r = 1/sqrt(v + eps):
    // dx = g s r, ds = sum g (x - m) r, dB = sum g, dm = -s r sum g, dv = -s r^3 / 2 sum g (x - m)
    static Value[] batchNorm(GradContext c) {
        if (c.attrs().getInt("training_mode", 0) != 0 || c.node().outputs().size() > 1) {
            throw c.fail("is in training mode: write batch statistics with primitive ops (as SpecGraphs does)");
        }
        GraphBuilder b = c.b();
        Value x = c.in(0);
        Value g = c.g();
        long[] spatial = range(2, x.rank());
        long[] axes = concat(new long[] {0}, spatial);
        Value r = b.apply(Op.RECIPROCAL, b.sqrt(b.add(c.in(4), b.scalarLike(c.attrs().getFloat("epsilon", 1e-5), x))));
        Value sr = b.mul(c.in(1), r);
        Value centred = b.sub(x, perChannel(b, c.in(3), spatial));
        Value sumG = b.reduceSum(g, false, axes);
        Value sumGc = b.reduceSum(b.mul(g, centred), false, axes);
        Value dx = c.needs(0) ? b.mul(g, perChannel(b, sr, spatial)) : null;
        Value ds = c.needs(1) ? b.mul(sumGc, r) : null;
        Value dm = c.needs(3) ? b.neg(b.mul(sumG, sr)) : null;
        Value dv = c.needs(4) ? b.mul(b.mul(sumGc, b.mul(sr, b.mul(r, r))), b.scalarLike(-0.5, x)) : null;
        return c.grads(dx, ds, sumG, dm, dv);
    }

    // y = x padded with a constant: dx = g without the padding (pads as a constant initializer)
    static Value[] pad(GradContext c) {
        Object mode = c.attrs().get("mode");
        if (mode != null && !"constant".equals(mode)) {
            throw c.fail("supports mode constant only, got " + mode);
        }
        Tensor pads = c.constant(1);
        if (pads == null) {
            throw c.fail("needs pads as a constant initializer");
        }
        long[] p = pads.longs();
        Shape xs = c.in(0).shape();
        int r = xs.rank();
        long[] starts = Arrays.copyOf(p, r);
        long[] ends = new long[r];
        for (int i = 0; i < r; i++) {
            if (p[i] < 0 || p[i + r] < 0) {
                throw c.fail("does not support negative pads");
            }
            ends[i] = xs.dim(i) == Shape.DYNAMIC ? Long.MAX_VALUE : p[i] + xs.dim(i);
        }
        GraphBuilder b = c.b();
        return c.grads(b.apply(Op.SLICE, c.g(), b.longs(starts), b.longs(ends)));
    }

    /** v reshaped to x's shape, a dynamic (batch) dimension written as -1 so the shape stays known. */
    private static Value reshapeTo(GraphBuilder b, Value v, Value x) {
        long[] dims = x.shape().dims();
        for (int i = 0; i < dims.length; i++) {
            dims[i] = dims[i] == Shape.DYNAMIC ? -1 : dims[i];
        }
        return b.reshape(v, b.longs(dims));
    }

    private static Value perChannel(GraphBuilder b, Value v, long[] spatial) {
        return spatial.length == 0 ? v : b.unsqueeze(v, shift(spatial, -1));
    }

    /** v[:, :, :k...] where the weight-gradient convolution produced a slightly larger kernel. */
    private static Value sliceTo(GraphBuilder b, Value v, Shape target) {
        if (v.shape().equals(target)) {
            return v;
        }
        long[] axes = range(2, target.rank());
        long[] zeros = new long[axes.length];
        return b.apply(Op.SLICE, v, b.longs(zeros), b.longs(Window.spatialDims(target)), b.longs(axes));
    }

    private static Tensor inverseCounts(GraphBuilder b, Window win, long[] in, long[] out, DType type) {
        int n = out.length;
        int total = Math.toIntExact(Arrays.stream(out).reduce(1, (p, q) -> p * q));
        double[] inv = new double[total];
        int[] idx = new int[n];
        for (int flat = 0; flat < total; flat++) {
            long count = 1;
            for (int i = 0; i < n; i++) {
                long start = idx[i] * win.strides()[i] - win.padsBegin()[i];
                long end = Math.min(start + win.kernel()[i], in[i]);
                count *= end - Math.max(start, 0);
            }
            inv[flat] = 1.0 / count;
            for (int i = n - 1; i >= 0 && ++idx[i] == out[i]; i--) {
                idx[i] = 0;
            }
        }
        long[] dims = concat(new long[] {1, 1}, out);
        String name = b.freshName("pool_inverse_counts");
        if (type == DType.DOUBLE) {
            return Tensor.doubles(name, inv, dims);
        }
        float[] f = new float[total];
        for (int i = 0; i < total; i++) {
            f[i] = (float) inv[i];
        }
        return Tensor.floats(name, f, dims);
    }

    private static long[] identityPerm(int n) {
        return range(0, n);
    }

    private static long[] range(int from, int to) {
        long[] r = new long[Math.max(0, to - from)];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    private static long[] shift(long[] v, long by) {
        return Arrays.stream(v).map(x -> x + by).toArray();
    }

    private static long[] concat(long[] a, long[] b) {
        long[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
