package dev.samuel.contracts.event;

/**
 * A labelled example checked against its spec, in the layout the network reads: the numeric features in
 * {@code input.names} order, the categorical ones' values ({@link FeatureRow#MISSING} where missing), and the target
 * as one class index (classification) or the regression values.
 */
public record ResolvedExample(float[] features, String[] categories, float[] target, float weight) {

    /** An example of a spec without categorical features. */
    public ResolvedExample(float[] features, float[] target, float weight) {
        this(features, FeatureRow.NO_CATEGORIES, target, weight);
    }

    /** The class index of a classification example. */
    public int classIndex() {
        return (int) target[0];
    }
}
