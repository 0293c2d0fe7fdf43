package dev.samuel.onnx.spec;

import dev.samuel.contracts.spec.Input;
import dev.samuel.onnx.graph.Attrs;
import dev.samuel.onnx.graph.DType;
import dev.samuel.onnx.graph.GraphBuilder;
import dev.samuel.onnx.graph.Op;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.graph.Value;
import dev.samuel.onnx.train.Imputation;
import java.util.Arrays;

/**
 * Missing values filled inside the graph, so the frozen program scores raw records as the network was trained on
 * them: a NaN of a fillable feature becomes its fill, and one 0/1 "was missing" column per fillable feature is
 * appended, {@link Imputation#apply} in ONNX:
 * <pre>
 *   missing = IsNaN(x);  [x with fills where missing, Cast(Gather(missing, columns, axis 1), float)]
 * </pre>
 * Upstream of every parameter, so backpropagation never visits it.
 */
final class MissingInputs {

    private MissingInputs() {
    }

    /** x itself when nothing may be missing, else the filled features and their "was missing" columns. */
    static Value fill(GraphBuilder b, Value x, Input input, Imputation imputation) {
        int[] expected = Imputation.columns(input);
        if (!Arrays.equals(expected, imputation.columns())) {
            throw new IllegalArgumentException("the spec lets features " + Arrays.toString(expected)
                    + " be missing; pass the training data's Imputation of them, got " + imputation);
        }
        if (imputation.isEmpty()) {
            return x;
        }
        float[] fills = new float[input.featureCount()];
        int[] columns = imputation.columns();
        long[] gathered = new long[columns.length];
        for (int c = 0; c < columns.length; c++) {
            fills[columns[c]] = imputation.fills()[c];
            gathered[c] = columns[c];
        }
        Value missing = b.apply(Op.IS_NAN, x);
        Value filled = b.where(missing, b.initializer(Tensor.floats("missing.fill", fills, fills.length)), x);
        Value flags = b.cast(b.apply(Op.GATHER, Attrs.of("axis", 1L),
                missing, b.initializer(Tensor.longs("missing.columns", gathered, gathered.length))), DType.FLOAT);
        return b.apply(Op.CONCAT, Attrs.of("axis", 1L), filled, flags);
    }
}
