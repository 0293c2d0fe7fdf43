package dev.samuel.onnx.train;

import java.util.Random;

/** Data generated in the tests, seeded: nothing is read from disk. */
final class Synthetic {
    private Synthetic() {
    }

    /** k Gaussian blobs in d dimensions, centres 4 apart on the axes, unit spread, shuffled. */
    static Dataset blobs(int k, int d, int n, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[n * d];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            int c = rng.nextInt(k);
            y[i] = c;
            for (int j = 0; j < d; j++) {
                double centre = (j == c % d ? 4.0 : 0.0) * (c >= d ? -1 : 1);
                x[i * d + j] = (float) (centre + rng.nextGaussian()) ;
            }
        }
        return Dataset.classification(x, d, y);
    }

    /** Two interleaved spirals (classes 0 and 1), 1.5 turns, a little noise. */
    static Dataset spirals(int n, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[n * 2];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            int c = rng.nextInt(2);
            double t = rng.nextDouble();
            double angle = t * 3 * Math.PI + c * Math.PI;
            double r = 0.2 + 2 * t;
            x[2 * i] = (float) (r * Math.cos(angle) + 0.05 * rng.nextGaussian());
            x[2 * i + 1] = (float) (r * Math.sin(angle) + 0.05 * rng.nextGaussian());
            y[i] = c;
        }
        return Dataset.classification(x, 2, y);
    }

    /** y = sin(x0) + 0.5 x1^2 - x2, x uniform in [-2, 2]^3, noise sd 0.05. */
    static Dataset regression(int n, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[n * 3];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double a = 4 * rng.nextDouble() - 2;
            double b = 4 * rng.nextDouble() - 2;
            double c = 4 * rng.nextDouble() - 2;
            x[3 * i] = (float) a;
            x[3 * i + 1] = (float) b;
            x[3 * i + 2] = (float) c;
            y[i] = (float) (Math.sin(a) + 0.5 * b * b - c + 0.05 * rng.nextGaussian());
        }
        return Dataset.regression(x, 3, y, 1);
    }
}
