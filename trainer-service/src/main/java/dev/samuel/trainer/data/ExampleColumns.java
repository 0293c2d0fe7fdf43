package dev.samuel.trainer.data;

import dev.samuel.contracts.event.ResolvedExample;
import java.util.List;

/**
 * Examples laid out row after row in flat arrays (numbers, targets, weights, categorical text), the widths those of
 * the first row: what a job reads an epoch's buffer into, with no object per example between the file and the
 * arrays the training graph is fed from. Every row is written when a buffer is filled, so one instance serves buffer
 * after buffer of its size.
 */
public final class ExampleColumns {

    private final int rows;
    private int featureWidth = -1;
    private int targetWidth;
    private int categoryWidth;
    private float[] features;
    private float[] targets;
    private float[] weights;
    private String[] categories;

    /** Room for {@code rows} examples; filled again, an instance keeps its arrays. */
    public ExampleColumns(int rows) {
        this.rows = rows;
    }

    /** The examples, copied into columns. */
    public static ExampleColumns of(List<ResolvedExample> examples) {
        var columns = new ExampleColumns(examples.size());
        columns.copy(examples);
        return columns;
    }

    /** Copies the examples into the rows, in order. */
    void copy(List<ResolvedExample> examples) {
        for (int row = 0; row < examples.size(); row++) {
            var example = examples.get(row);
            shape(example.features().length, example.target().length, example.categories().length);
            System.arraycopy(example.features(), 0, features, row * featureWidth, featureWidth);
            System.arraycopy(example.target(), 0, targets, row * targetWidth, targetWidth);
            System.arraycopy(example.categories(), 0, categories, row * categoryWidth, categoryWidth);
            weights[row] = example.weight();
        }
    }

    /** Sets the widths at the first row, and checks every later row against them. */
    void shape(int featureCount, int targetCount, int categoryCount) {
        if (featureWidth < 0) {
            featureWidth = featureCount;
            targetWidth = targetCount;
            categoryWidth = categoryCount;
            features = new float[rows * featureCount];
            targets = new float[rows * targetCount];
            weights = new float[rows];
            categories = new String[rows * categoryCount];
        } else if (featureCount != featureWidth || targetCount != targetWidth || categoryCount != categoryWidth) {
            throw new IllegalStateException("a row of " + featureCount + " numbers, " + targetCount + " targets and "
                    + categoryCount + " categorical values among rows of " + featureWidth + ", " + targetWidth
                    + " and " + categoryWidth);
        }
    }

    public int rows() {
        return rows;
    }

    public int featureWidth() {
        return Math.max(0, featureWidth);
    }

    public int targetWidth() {
        return targetWidth;
    }

    public int categoryWidth() {
        return categoryWidth;
    }

    public float[] features() {
        return features == null ? new float[0] : features;
    }

    public float[] targets() {
        return targets == null ? new float[0] : targets;
    }

    public float[] weights() {
        return weights == null ? new float[0] : weights;
    }

    public String[] categories() {
        return categories == null ? new String[0] : categories;
    }
}
