package dev.samuel.onnx.graph;

import java.util.Arrays;

/**
 * A tensor shape whose dimensions are known sizes or {@link #DYNAMIC}. Every dynamic dimension in one
 * graph stands for the same runtime size (the batch), which is what lets gradient rules decide at build
 * time which axes a broadcast expanded.
 */
public final class Shape {
    public static final long DYNAMIC = -1;
    public static final Shape SCALAR = new Shape();

    private final long[] dims;

    private Shape(long... dims) {
        this.dims = dims.clone();
    }

    public static Shape of(long... dims) {
        for (long d : dims) {
            if (d < DYNAMIC) {
                throw new IllegalArgumentException("bad dimension " + d + " in " + Arrays.toString(dims));
            }
        }
        return new Shape(dims);
    }

    public int rank() {
        return dims.length;
    }

    public long dim(int axis) {
        return dims[axis < 0 ? axis + dims.length : axis];
    }

    public long[] dims() {
        return dims.clone();
    }

    public boolean isStatic() {
        return Arrays.stream(dims).noneMatch(d -> d == DYNAMIC);
    }

    /** Number of elements, or DYNAMIC when some dimension is. */
    public long size() {
        long n = 1;
        for (long d : dims) {
            if (d == DYNAMIC) {
                return DYNAMIC;
            }
            n *= d;
        }
        return n;
    }

    /** Numpy broadcasting of two shapes; a dynamic dimension meets a known one by taking it. */
    public static Shape broadcast(Shape a, Shape b) {
        int rank = Math.max(a.rank(), b.rank());
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long x = i < rank - a.rank() ? 1 : a.dims[i - (rank - a.rank())];
            long y = i < rank - b.rank() ? 1 : b.dims[i - (rank - b.rank())];
            out[i] = broadcastDim(x, y, a, b);
        }
        return new Shape(out);
    }

    private static long broadcastDim(long x, long y, Shape a, Shape b) {
        if (x == y || y == 1) {
            return x;
        }
        if (x == 1) {
            return y;
        }
        if (x == DYNAMIC || y == DYNAMIC) {
            return Math.max(x, y);
        }
        throw new IllegalArgumentException("shapes " + a + " and " + b + " do not broadcast");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return Arrays.toString(dims).replace("-1", "?");
    }
}
