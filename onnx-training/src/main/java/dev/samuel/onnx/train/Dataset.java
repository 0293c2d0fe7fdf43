package dev.samuel.onnx.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Examples in flat row-major arrays: features [rows, featureCount], and either class indices [rows] or
 * float targets [rows, targetWidth]; optional per-example weights (1 when absent) and, for a spec with categorical
 * features, their values [rows, categoryCount] as text. Batches are views.
 */
public final class Dataset {
    private final int featureCount;
    private final float[] features;
    private final long[] classes;
    private final float[] targets;
    private final int targetWidth;
    private final float[] weights;
    private final String[] categories;
    private final int categoryCount;

    private Dataset(int featureCount, float[] features, long[] classes, float[] targets, int targetWidth, float[] weights) {
        this(featureCount, features, classes, targets, targetWidth, weights, null, 0);
    }

    private Dataset(int featureCount, float[] features, long[] classes, float[] targets, int targetWidth, float[] weights,
                    String[] categories, int categoryCount) {
        if (featureCount < 0 || featureCount == 0 && categoryCount == 0
                || featureCount > 0 && features.length % featureCount != 0) {
            throw new IllegalArgumentException(features.length + " feature values are not rows of " + featureCount);
        }
        if (categoryCount > 0 && categories.length % categoryCount != 0) {
            throw new IllegalArgumentException(categories.length + " categories are not rows of " + categoryCount);
        }
        this.categories = categories;
        this.categoryCount = categoryCount;
        this.featureCount = featureCount;
        this.features = features;
        this.classes = classes;
        this.targets = targets;
        this.targetWidth = targetWidth;
        this.weights = weights;
        int rows = rows();
        check(featureCount == 0 || categoryCount == 0 || categories.length == rows * categoryCount, "categories",
                categories == null ? 0 : categories.length);
        check(classes == null || classes.length == rows, "class labels", classes == null ? 0 : classes.length);
        check(targets == null || targets.length == rows * targetWidth, "target values", targets == null ? 0 : targets.length);
        check(weights == null || weights.length == rows, "weights", weights == null ? 0 : weights.length);
    }

    /** The arrays are used as given, not copied: do not change them while training reads them. */
    public static Dataset classification(float[] features, int featureCount, long[] classes) {
        return new Dataset(featureCount, features, classes, null, 0, null);
    }

    public static Dataset regression(float[] features, int featureCount, float[] targets, int targetWidth) {
        return new Dataset(featureCount, features, null, targets, targetWidth, null);
    }

    public Dataset withWeights(float[] perExample) {
        return new Dataset(featureCount, features, classes, targets, targetWidth, perExample, categories, categoryCount);
    }

    /** The rows with the values of {@code count} categorical features each, row-major ({@code ""}: missing). */
    public Dataset withCategories(String[] values, int count) {
        return new Dataset(featureCount, features, classes, targets, targetWidth, weights, values, count);
    }

    public int rows() {
        return featureCount > 0 ? features.length / featureCount : categories.length / categoryCount;
    }

    public int categoryCount() {
        return categoryCount;
    }

    /** The categorical values, row-major; null when there are none. */
    public String[] categories() {
        return categories;
    }

    public int featureCount() {
        return featureCount;
    }

    public boolean hasClasses() {
        return classes != null;
    }

    public int targetWidth() {
        return targetWidth;
    }

    /** The backing arrays, not copies (null where absent). */
    public float[] features() {
        return features;
    }

    public long[] classes() {
        return classes;
    }

    public float[] targets() {
        return targets;
    }

    public float[] weights() {
        return weights;
    }

    public Batch batch(int from, int to) {
        return new Batch(this, from, to);
    }

    /** Consecutive batches of {@code size} rows in order; the last may be smaller. */
    public List<Batch> batches(int size) {
        List<Batch> out = new ArrayList<>();
        for (int from = 0; from < rows(); from += size) {
            out.add(batch(from, Math.min(rows(), from + size)));
        }
        return out;
    }

    /**
     * A copy of the rows {@code order[from]}, ..., {@code order[to - 1]}, in that order: a shuffled epoch's mini-batch,
     * gathered as it is trained on rather than the whole set copied each epoch.
     */
    public Dataset gather(int[] order, int from, int to) {
        int n = to - from;
        var x = new float[n * featureCount];
        var y = classes == null ? null : new long[n];
        var t = targets == null ? null : new float[n * targetWidth];
        var w = weights == null ? null : new float[n];
        var c = categories == null ? null : new String[n * categoryCount];
        for (int i = 0; i < n; i++) {
            int row = order[from + i];
            System.arraycopy(features, row * featureCount, x, i * featureCount, featureCount);
            if (y != null) {
                y[i] = classes[row];
            }
            if (t != null) {
                System.arraycopy(targets, row * targetWidth, t, i * targetWidth, targetWidth);
            }
            if (w != null) {
                w[i] = weights[row];
            }
            if (c != null) {
                System.arraycopy(categories, row * categoryCount, c, i * categoryCount, categoryCount);
            }
        }
        return new Dataset(featureCount, x, y, t, targetWidth, w, c, categoryCount);
    }

    /** A copy of rows [from, to). */
    public Dataset slice(int from, int to) {
        return new Dataset(featureCount, Arrays.copyOfRange(features, from * featureCount, to * featureCount),
                classes == null ? null : Arrays.copyOfRange(classes, from, to),
                targets == null ? null : Arrays.copyOfRange(targets, from * targetWidth, to * targetWidth),
                targetWidth, weights == null ? null : Arrays.copyOfRange(weights, from, to),
                categories == null ? null : Arrays.copyOfRange(categories, from * categoryCount, to * categoryCount),
                categoryCount);
    }

    private static void check(boolean ok, String what, int count) {
        if (!ok) {
            throw new IllegalArgumentException(count + " " + what + " do not match the rows of features");
        }
    }
}
