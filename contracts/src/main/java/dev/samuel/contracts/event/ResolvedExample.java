package dev.samuel.contracts.event;

/**
 * A labelled example checked against its spec, in the layout the network reads: features in
 * {@code input.names} order, the target as one class index (classification) or the regression values.
 */
public record ResolvedExample(float[] features, float[] target, float weight) {

    /** The class index of a classification example. */
    public int classIndex() {
        return (int) target[0];
    }
}
