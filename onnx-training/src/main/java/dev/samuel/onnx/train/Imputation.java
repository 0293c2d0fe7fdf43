package dev.samuel.onnx.train;

import dev.samuel.contracts.spec.Fill;
import dev.samuel.contracts.spec.Input;
import java.util.Arrays;
import java.util.List;

/**
 * What the program fills each feature that may be missing with ({@code input.missing}), learned from a job's
 * training data, so a new job learns new fills. {@code columns} are the fillable features' positions, in input
 * order; {@code fills} their values: the mean of the values present for {@code "mean"} (0 when none is), else the
 * spec's constant. The program appends one 0/1 "was missing" column per fillable feature after the filled features.
 */
public record Imputation(int[] columns, float[] fills) {

    public Imputation {
        if (columns.length != fills.length) {
            throw new IllegalArgumentException(columns.length + " columns, " + fills.length + " fills");
        }
        columns = columns.clone();
        fills = fills.clone();
    }

    /** Nothing may be missing. */
    public static Imputation none() {
        return new Imputation(new int[0], new float[0]);
    }

    public static Imputation fit(Input input, Dataset data) {
        return fit(input, List.of(data));
    }

    /** The same over data read in chunks, in one pass (none when nothing may be missing). */
    public static Imputation fit(Input input, Iterable<Dataset> chunks) {
        int[] columns = columns(input);
        double[] means = new double[columns.length];
        if (columns.length > 0) {
            long[] present = new long[columns.length];
            for (var chunk : chunks) {
                accumulateMeans(chunk, columns, means, present);
            }
        }
        float[] fills = new float[columns.length];
        for (int c = 0; c < columns.length; c++) {
            Fill fill = input.fillOf(columns[c]);
            fills[c] = fill.isMean() ? (float) means[c] : fill.constant();
        }
        return new Imputation(columns, fills);
    }

    /** The positions, among the numbers, of the features the spec lets be missing. */
    public static int[] columns(Input input) {
        return java.util.stream.IntStream.range(0, input.featureCount()).filter(i -> input.fillOf(i) != null).toArray();
    }

    public boolean isEmpty() {
        return columns.length == 0;
    }

    /** How many values the network's first layer reads from {@code features} raw ones. */
    public int width(int features) {
        return features + columns.length;
    }

    /**
     * The rows as the network's first layer reads them: missing values filled, the "was missing" columns appended
     * (to fit the standardisation on what the network sees); the rows themselves when nothing may be missing.
     */
    public float[] apply(float[] features, int featureCount) {
        if (isEmpty()) {
            return features;
        }
        int rows = features.length / featureCount;
        int width = width(featureCount);
        float[] out = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(features, r * featureCount, out, r * width, featureCount);
            for (int c = 0; c < columns.length; c++) {
                boolean missing = Float.isNaN(out[r * width + columns[c]]);
                if (missing) {
                    out[r * width + columns[c]] = fills[c];
                }
                out[r * width + featureCount + c] = missing ? 1f : 0f;
            }
        }
        return out;
    }

    /** The running mean of each column's present values, carried from chunk to chunk. */
    private static void accumulateMeans(Dataset data, int[] columns, double[] means, long[] present) {
        float[] x = data.features();
        int f = data.featureCount();
        for (int c = 0; c < columns.length; c++) {
            for (int r = 0; r < data.rows(); r++) {
                float v = x[r * f + columns[c]];
                if (!Float.isNaN(v)) {
                    present[c]++;
                    means[c] += (v - means[c]) / present[c];
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Imputation other && Arrays.equals(columns, other.columns)
                && Arrays.equals(fills, other.fills);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(columns) + Arrays.hashCode(fills);
    }

    @Override
    public String toString() {
        return "Imputation" + Arrays.toString(columns) + " <- " + Arrays.toString(fills);
    }
}
