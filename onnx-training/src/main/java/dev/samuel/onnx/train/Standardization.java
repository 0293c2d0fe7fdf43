package dev.samuel.onnx.train;

/**
 * Per-feature mean and standard deviation, baked into the forward graph as (x - mean) / std so the frozen
 * program takes raw features. A feature that never varies gets std 1 (it becomes 0, not NaN).
 */
public record Standardization(float[] mean, float[] std) {

    public Standardization {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("mean has " + mean.length + " features, std " + std.length);
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** Mean and (population) standard deviation of each feature of the data, in double precision. */
    public static Standardization fit(Dataset data) {
        int f = data.featureCount();
        double[] sum = new double[f];
        double[] sumSq = new double[f];
        float[] x = data.features();
        for (int r = 0; r < data.rows(); r++) {
            for (int j = 0; j < f; j++) {
                double v = x[r * f + j];
                sum[j] += v;
                sumSq[j] += v * v;
            }
        }
        float[] mean = new float[f];
        float[] std = new float[f];
        for (int j = 0; j < f; j++) {
            double m = sum[j] / data.rows();
            double sd = Math.sqrt(Math.max(0, sumSq[j] / data.rows() - m * m));
            mean[j] = (float) m;
            std[j] = sd < 1e-6 ? 1f : (float) sd;
        }
        return new Standardization(mean, std);
    }

    public int featureCount() {
        return mean.length;
    }
}
