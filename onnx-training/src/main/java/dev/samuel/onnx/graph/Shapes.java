package dev.samuel.onnx.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Shape arithmetic of individual ops; a null shape (unknown rank) propagates. */
final class Shapes {
    private static final long D = Shape.DYNAMIC;

    private Shapes() {
    }

    static void checkInner(long k1, long k2, Shape a, Shape b) {
        if (k1 != k2 && k1 != D && k2 != D) {
            throw new IllegalArgumentException("inner dimensions of " + a + " and " + b + " differ");
        }
    }

    /** Numpy matmul: 1-D operands are promoted and the promoted axis dropped; batch axes broadcast. */
    static Shape matmul(Shape a, Shape b) {
        if (a == null || b == null) {
            return null;
        }
        long[] ad = a.rank() == 1 ? new long[] {1, a.dim(0)} : a.dims();
        long[] bd = b.rank() == 1 ? new long[] {b.dim(0), 1} : b.dims();
        checkInner(ad[ad.length - 1], bd[bd.length - 2], a, b);
        Shape batch = Shape.broadcast(Shape.of(Arrays.copyOf(ad, ad.length - 2)), Shape.of(Arrays.copyOf(bd, bd.length - 2)));
        List<Long> out = new ArrayList<>();
        Arrays.stream(batch.dims()).forEach(out::add);
        if (a.rank() > 1) {
            out.add(ad[ad.length - 2]);
        }
        if (b.rank() > 1) {
            out.add(bd[bd.length - 1]);
        }
        return Shape.of(out.stream().mapToLong(Long::longValue).toArray());
    }

    /** Gather's output: the data's dims before the axis, the indices' dims, then the data's dims after it. */
    static Shape gather(Shape data, Shape indices, long axis) {
        if (data == null || indices == null) {
            return null;
        }
        int a = (int) (axis < 0 ? axis + data.rank() : axis);
        if (a < 0 || a >= data.rank()) {
            throw new IllegalArgumentException("Gather axis " + axis + " does not fit " + data);
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < a; i++) {
            out.add(data.dim(i));
        }
        for (long d : indices.dims()) {
            out.add(d);
        }
        for (int i = a + 1; i < data.rank(); i++) {
            out.add(data.dim(i));
        }
        return Shape.of(out.stream().mapToLong(Long::longValue).toArray());
    }

    /** [N, C, H, W] to [N, C b b, H / b, W / b]: each b x b block becomes channels (dynamic stays dynamic). */
    static Shape spaceToDepth(Shape in, long b) {
        if (in.rank() != 4 || (in.dim(2) != D && in.dim(2) % b != 0) || (in.dim(3) != D && in.dim(3) % b != 0)) {
            throw new IllegalArgumentException("SpaceToDepth with block " + b + " does not fit " + in);
        }
        return Shape.of(in.dim(0), times(in.dim(1), b * b), divided(in.dim(2), b), divided(in.dim(3), b));
    }

    /** [N, C b b, H, W] to [N, C, H b, W b], SpaceToDepth's inverse in mode DCR. */
    static Shape depthToSpace(Shape in, long b) {
        if (in.rank() != 4 || (in.dim(1) != D && in.dim(1) % (b * b) != 0)) {
            throw new IllegalArgumentException("DepthToSpace with block " + b + " does not fit " + in);
        }
        return Shape.of(in.dim(0), divided(in.dim(1), b * b), times(in.dim(2), b), times(in.dim(3), b));
    }

    private static long times(long d, long f) {
        return d == D ? D : d * f;
    }

    private static long divided(long d, long f) {
        return d == D ? D : d / f;
    }

    static Shape reshape(Shape in, Tensor target, Value targetValue) {
        if (target == null) {
            Shape ts = targetValue.shape();
            return ts == null || !ts.isStatic() ? null : Shape.of(filled((int) ts.dim(0)));
        }
        long[] t = target.longs();
        long[] out = new long[t.length];
        int inferred = -1;
        for (int i = 0; i < t.length; i++) {
            out[i] = t[i] == 0 ? in.dim(i) : t[i];
            if (t[i] == -1) {
                inferred = i;
            }
        }
        if (inferred >= 0) {
            out[inferred] = 1;
            out[inferred] = inferDim(in, out);
        }
        return Shape.of(out);
    }

    /** The size a -1 stands for; dynamic dimensions cancel when both sides have as many (one batch). */
    private static long inferDim(Shape in, long[] out) {
        if (in == null || dynamicCount(in.dims()) != dynamicCount(out)) {
            return D;
        }
        return staticProduct(in.dims()) / staticProduct(out);
    }

    private static int dynamicCount(long[] d) {
        return (int) Arrays.stream(d).filter(x -> x == D).count();
    }

    private static long staticProduct(long[] d) {
        return Arrays.stream(d).filter(x -> x != D).reduce(1, (a, b) -> a * b);
    }

    static Shape flatten(Shape s, int axis) {
        if (s == null) {
            return null;
        }
        axis = axis < 0 ? axis + s.rank() : axis;
        long[] d = s.dims();
        return Shape.of(product(d, 0, axis), product(d, axis, d.length));
    }

    static Shape transpose(Shape s, long[] perm) {
        if (s == null) {
            return null;
        }
        long[] p = perm == null ? reversed(s.rank()) : perm;
        if (p.length != s.rank()) {
            throw new IllegalArgumentException("perm " + Arrays.toString(p) + " does not fit " + s);
        }
        long[] out = new long[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = s.dim((int) p[i]);
        }
        return Shape.of(out);
    }

    static Shape concat(List<Value> args, int axis) {
        long[] out = args.get(0).shape().dims();
        int ax = axis < 0 ? axis + out.length : axis;
        for (Value v : args.subList(1, args.size())) {
            long d = v.shape().dim(ax);
            out[ax] = out[ax] == D || d == D ? D : out[ax] + d;
        }
        return Shape.of(out);
    }

    static Shape unsqueeze(Shape s, long[] axes) {
        int rank = s.rank() + axes.length;
        long[] out = new long[rank];
        boolean[] inserted = new boolean[rank];
        for (long a : axes) {
            inserted[(int) (a < 0 ? a + rank : a)] = true;
        }
        for (int i = 0, j = 0; i < rank; i++) {
            out[i] = inserted[i] ? 1 : s.dim(j++);
        }
        return Shape.of(out);
    }

    static Shape squeeze(Shape s, long[] axes) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < s.rank(); i++) {
            boolean drop = axes == null ? s.dim(i) == 1 : contains(axes, i, s.rank());
            if (!drop) {
                out.add(s.dim(i));
            }
        }
        return Shape.of(out.stream().mapToLong(Long::longValue).toArray());
    }

    static Shape expand(Shape s, Tensor target, Value targetValue) {
        if (target == null) {
            return null;
        }
        return Shape.broadcast(s, Shape.of(target.longs()));
    }

    /** Reduction over {@code axes} (all axes when null). */
    static Shape reduce(Shape s, long[] axes, boolean keepDims) {
        if (s == null) {
            return null;
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < s.rank(); i++) {
            boolean reduced = axes == null || axes.length == 0 || contains(axes, i, s.rank());
            if (!reduced) {
                out.add(s.dim(i));
            } else if (keepDims) {
                out.add(1L);
            }
        }
        return Shape.of(out.stream().mapToLong(Long::longValue).toArray());
    }

    static boolean contains(long[] axes, int axis, int rank) {
        for (long a : axes) {
            if ((a < 0 ? a + rank : a) == axis) {
                return true;
            }
        }
        return false;
    }

    private static long product(long[] d, int from, int to) {
        long p = 1;
        for (int i = from; i < to; i++) {
            if (d[i] == D) {
                return D;
            }
            p *= d[i];
        }
        return p;
    }

    private static long[] reversed(int rank) {
        long[] p = new long[rank];
        for (int i = 0; i < rank; i++) {
            p[i] = rank - 1 - i;
        }
        return p;
    }

    private static long[] filled(int n) {
        long[] d = new long[n];
        Arrays.fill(d, D);
        return d;
    }
}
