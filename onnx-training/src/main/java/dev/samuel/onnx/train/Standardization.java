package dev.samuel.onnx.train;

/**
 * Per-feature mean and standard deviation, baked into the forward graph as (x - mean) / std so the frozen
 * program takes raw features. A feature that never varies gets std 1 (it becomes 0, not NaN).
 */
public record Standardization(float[] mean, float[] std) {

    /** Below this a feature counts as constant. */
    private static final double CONSTANT = 1e-12;

    public Standardization {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("mean has " + mean.length + " features, std " + std.length);
        }
        mean = mean.clone();
        std = std.clone();
    }

    /**
     * Mean and (population) standard deviation of each feature of the data, accumulated in double precision with
     * Welford's update, which stays exact where the sum of squares would cancel (a year, 2000 +- 1).
     */
    public static Standardization fit(Dataset data) {
        return fit(data.features(), data.featureCount());
    }

    /** The same over rows of {@code featureCount} values in one flat array. */
    public static Standardization fit(float[] x, int featureCount) {
        var moments = new Moments(featureCount);
        moments.add(x);
        return moments.result();
    }

    /**
     * Welford's running mean and sum of squared deviations per feature, carried from chunk to chunk of rows, so rows
     * read in chunks give what one array of them would.
     */
    public static final class Moments {

        private final double[] mean;
        private final double[] m2;
        private long rows;

        public Moments(int featureCount) {
            this.mean = new double[featureCount];
            this.m2 = new double[featureCount];
        }

        /** Adds rows of {@code featureCount} values in one flat array. */
        public void add(float[] x) {
            int f = mean.length;
            for (int r = 0; r < x.length / f; r++) {
                rows++;
                for (int j = 0; j < f; j++) {
                    double v = x[r * f + j];
                    double delta = v - mean[j];
                    mean[j] += delta / rows;
                    m2[j] += delta * (v - mean[j]);
                }
            }
        }

        public Standardization result() {
            int f = mean.length;
            float[] meanOut = new float[f];
            float[] stdOut = new float[f];
            for (int j = 0; j < f; j++) {
                double sd = rows > 0 ? Math.sqrt(m2[j] / rows) : 0;
                meanOut[j] = (float) mean[j];
                stdOut[j] = sd < CONSTANT ? 1f : (float) sd;
            }
            return new Standardization(meanOut, stdOut);
        }
    }

    /** No standardisation: mean 0 and standard deviation 1 for every feature. */
    public static Standardization identity(int features) {
        float[] std = new float[features];
        java.util.Arrays.fill(std, 1f);
        return new Standardization(new float[features], std);
    }

    public int featureCount() {
        return mean.length;
    }
}
