package dev.samuel.onnx.train;

/** Rows [from, to) of a dataset, used in place. */
public record Batch(Dataset data, int from, int to) {

    public Batch {
        if (from < 0 || to > data.rows() || from >= to) {
            throw new IllegalArgumentException("batch rows [" + from + ", " + to + ") of " + data.rows());
        }
    }

    public static Batch of(Dataset data) {
        return new Batch(data, 0, data.rows());
    }

    public int rows() {
        return to - from;
    }
}
