package dev.samuel.onnx.grad;

import dev.samuel.onnx.graph.Attrs;
import dev.samuel.onnx.graph.DType;
import dev.samuel.onnx.graph.GraphBuilder;
import dev.samuel.onnx.graph.Op;
import dev.samuel.onnx.graph.Shape;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.graph.Value;
import java.util.Arrays;
import java.util.stream.LongStream;

/** Gather's rule, which an embedding (a table read by category) trains through. */
final class GatherRule {
    private GatherRule() {
    }

    // y = Gather(x, i, axis a): each slice of g goes back to the slice of x its index names, repeated indices adding
    // up. With axis a moved first (x' = [d_a, rest]): dx' = ScatterND(zeros, i as [n, 1], g's slices as [n, rest], add),
    // negative indices counted from the end first; the indices get no gradient
    static Value[] gather(GradContext c) {
        GraphBuilder b = c.b();
        Shape xs = c.in(0).shape();
        Shape is = c.in(1).shape();
        if (xs == null || is == null || Arrays.stream(xs.dims()).anyMatch(d -> d == Shape.DYNAMIC)) {
            throw c.fail("needs the data's static shape and the indices' rank");
        }
        int rank = xs.rank();
        long axis = c.attrs().getInt("axis", 0);
        int a = (int) (axis < 0 ? axis + rank : axis);
        int q = Math.max(1, is.rank());
        // A scalar index dropped the axis from y: put it back as an axis of one index.
        Value g = is.rank() == 0 ? b.unsqueeze(c.g(), a) : c.g();
        long[] front = LongStream.concat(LongStream.of(a),
                LongStream.range(0, rank).filter(d -> d != a)).toArray();
        long[] rest = Arrays.stream(front).skip(1).map(d -> xs.dim((int) d)).toArray();
        long[] indicesFirst = LongStream.concat(LongStream.range(a, a + q),
                LongStream.concat(LongStream.range(0, a), LongStream.range(a + q, rank - 1 + q))).toArray();
        Value updates = b.reshape(b.transpose(g, indicesFirst), b.longs(LongStream.concat(LongStream.of(-1),
                Arrays.stream(rest)).toArray()));
        Value zeros = b.apply(Op.CONSTANT_OF_SHAPE, Attrs.of("value", Tensor.filled("zero", c.in(0).type(), 0, 1)),
                b.longs(LongStream.concat(LongStream.of(xs.dim(a)), Arrays.stream(rest)).toArray()));
        Value scattered = b.apply(Op.SCATTER_ND, Attrs.of("reduction", "add"), zeros, rows(b, c.in(1), xs.dim(a)), updates);
        return c.grads(b.transpose(scattered, inverse(front)));
    }

    /** The indices as [n, 1] int64 rows, a negative one counted from the end of an axis of {@code size}. */
    private static Value rows(GraphBuilder b, Value indices, long size) {
        Value i = b.cast(indices, DType.INT64);
        Value counted = b.where(b.apply(Op.LESS, i, b.longs(0)), b.add(i, b.longs(size)), i);
        return b.reshape(counted, b.longs(-1, 1));
    }

    private static long[] inverse(long[] perm) {
        long[] inverse = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            inverse[(int) perm[i]] = i;
        }
        return inverse;
    }
}
