package dev.samuel.inference.model;

/**
 * How to call a loaded model: its input and output names, the features per row, the output width, and
 * whether its outputs are already probabilities or logits that need a softmax.
 */
public record ModelShape(String input, String output, int features, int outputs, Scores scores) {

    /** What a model's output row holds, and so what is served as {@code scores}. */
    public enum Scores {
        /** Non-negative, summing to 1: served as they are. */
        PROBABILITIES,
        /** Anything else from a classifier (e.g. a PyTorch export ending in a Linear layer): softmax per row. */
        LOGITS,
        /** A regression model's values: served as they are. */
        VALUES;

        /** Turns raw outputs into served scores, in place. */
        void normalise(float[] values, int rows, int width) {
            if (this != LOGITS) {
                return;
            }
            for (int row = 0; row < rows; row++) {
                softmax(values, row * width, width);
            }
        }

        private static void softmax(float[] values, int from, int width) {
            float max = Float.NEGATIVE_INFINITY;
            for (int i = from; i < from + width; i++) {
                max = Math.max(max, values[i]);
            }
            float sum = 0;
            for (int i = from; i < from + width; i++) {
                values[i] = (float) Math.exp(values[i] - max);
                sum += values[i];
            }
            for (int i = from; i < from + width; i++) {
                values[i] /= sum;
            }
        }
    }
}
