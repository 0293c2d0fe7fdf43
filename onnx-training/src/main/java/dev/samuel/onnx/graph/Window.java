package dev.samuel.onnx.graph;

import java.util.Arrays;

/**
 * The sliding-window geometry of Conv, ConvTranspose, MaxPool and AveragePool over the spatial axes
 * (2.. of [N, C, spatial...]): kernel, strides, dilations, begin and end pads (ONNX writes pads as all
 * begins then all ends), ceil mode. Explicit pads only: auto_pad other than NOTSET is refused.
 */
public record Window(long[] kernel, long[] strides, long[] dilations, long[] padsBegin, long[] padsEnd, boolean ceil) {

    public static Window of(Attrs at, long[] kernel) {
        Object autoPad = at.get("auto_pad");
        if (autoPad != null && !"NOTSET".equals(autoPad)) {
            throw new IllegalArgumentException("auto_pad " + autoPad + " is not supported: write explicit pads");
        }
        int n = kernel.length;
        long[] pads = orFill(at.getInts("pads"), 2 * n, 0);
        return new Window(kernel, orFill(at.getInts("strides"), n, 1), orFill(at.getInts("dilations"), n, 1),
                Arrays.copyOfRange(pads, 0, n), Arrays.copyOfRange(pads, n, 2 * n), at.getInt("ceil_mode", 0) == 1);
    }

    public int spatial() {
        return kernel.length;
    }

    /** The span one window covers along axis i: (k - 1) d + 1. */
    public long span(int i) {
        return (kernel[i] - 1) * dilations[i] + 1;
    }

    /** Output length along spatial axis i for input length {@code in} (dynamic stays dynamic). */
    public long out(int i, long in) {
        if (in == Shape.DYNAMIC) {
            return Shape.DYNAMIC;
        }
        long room = in + padsBegin[i] + padsEnd[i] - span(i);
        if (room < 0) {
            throw new IllegalArgumentException("window of span " + span(i) + " does not fit length " + in
                    + " with pads " + padsBegin[i] + "," + padsEnd[i]);
        }
        long out = (ceil ? Math.floorDiv(room + strides[i] - 1, strides[i]) : Math.floorDiv(room, strides[i])) + 1;
        if (ceil && (out - 1) * strides[i] >= in + padsBegin[i]) {
            out--;
        }
        return out;
    }

    /** The output shape [N, channels, out...] for input shape [N, C, in...]. */
    public Shape outShape(Shape x, long channels) {
        long[] d = new long[2 + spatial()];
        d[0] = x.dim(0);
        d[1] = channels;
        for (int i = 0; i < spatial(); i++) {
            d[2 + i] = out(i, x.dim(2 + i));
        }
        return Shape.of(d);
    }

    /** The pads attribute: begins then ends. */
    public long[] pads() {
        long[] p = Arrays.copyOf(padsBegin, 2 * spatial());
        System.arraycopy(padsEnd, 0, p, spatial(), spatial());
        return p;
    }

    public boolean padded() {
        return Arrays.stream(pads()).anyMatch(p -> p != 0);
    }

    /** Spatial dims of a shape: axes 2.. */
    public static long[] spatialDims(Shape s) {
        return Arrays.copyOfRange(s.dims(), 2, s.rank());
    }

    private static long[] orFill(long[] given, int n, long fill) {
        if (given == null) {
            long[] out = new long[n];
            Arrays.fill(out, fill);
            return out;
        }
        if (given.length != n) {
            throw new IllegalArgumentException("expected " + n + " values, got " + Arrays.toString(given));
        }
        return given;
    }
}
