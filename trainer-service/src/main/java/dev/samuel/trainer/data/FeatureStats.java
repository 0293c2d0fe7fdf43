package dev.samuel.trainer.data;

import java.util.List;

/**
 * Per-feature mean and standard deviation of the training examples, for the graph's standardisation layer,
 * so raw features of very different scales train alike. Accumulated in double precision with Welford's
 * update; a constant feature gets a standard deviation of 1, so it passes through centred, not divided by 0.
 */
public record FeatureStats(float[] mean, float[] std) {

    public static FeatureStats of(List<float[]> rows, int features) {
        var mean = new double[features];
        var m2 = new double[features];
        long n = 0;
        for (float[] row : rows) {
            n++;
            for (int f = 0; f < features; f++) {
                double delta = row[f] - mean[f];
                mean[f] += delta / n;
                m2[f] += delta * (row[f] - mean[f]);
            }
        }
        var meanOut = new float[features];
        var stdOut = new float[features];
        for (int f = 0; f < features; f++) {
            meanOut[f] = (float) mean[f];
            double std = n > 1 ? Math.sqrt(m2[f] / n) : 0;
            stdOut[f] = std > 1e-12 ? (float) std : 1f;
        }
        return new FeatureStats(meanOut, stdOut);
    }

    /** No standardisation: mean 0 and standard deviation 1 for every feature. */
    public static FeatureStats identity(int features) {
        var std = new float[features];
        java.util.Arrays.fill(std, 1f);
        return new FeatureStats(new float[features], std);
    }
}
