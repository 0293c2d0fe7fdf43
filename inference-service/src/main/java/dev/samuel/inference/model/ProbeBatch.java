package dev.samuel.inference.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The warm-up rows: zeros, ones and seeded Gaussian noise, so a new session has run before it serves. */
final class ProbeBatch {

    static final int ROWS = 16;
    private static final double TOLERANCE = 1e-3;

    private ProbeBatch() {
    }

    static List<float[]> of(int features) {
        var random = new Random(7);
        var rows = new ArrayList<float[]>(ROWS);
        rows.add(new float[features]);
        var ones = new float[features];
        java.util.Arrays.fill(ones, 1f);
        rows.add(ones);
        while (rows.size() < ROWS) {
            var row = new float[features];
            for (int i = 0; i < features; i++) {
                row[i] = (float) (random.nextGaussian() * 3);
            }
            rows.add(row);
        }
        return rows;
    }

    /** Every row non-negative and summing to 1: the model ends in a softmax (or similar). */
    static boolean areProbabilities(float[] values, int rows, int width) {
        for (int row = 0; row < rows; row++) {
            double sum = 0;
            for (int i = row * width; i < (row + 1) * width; i++) {
                if (values[i] < 0) {
                    return false;
                }
                sum += values[i];
            }
            if (Math.abs(sum - 1) > TOLERANCE) {
                return false;
            }
        }
        return true;
    }
}
