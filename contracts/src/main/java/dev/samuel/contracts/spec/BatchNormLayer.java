package dev.samuel.contracts.spec;

/**
 * {@code {"batch_norm": true}}: per channel after maps, per feature after flat values; running statistics with
 * momentum 0.1 (PyTorch's sense) and epsilon 1e-5.
 */
public record BatchNormLayer() implements Layer {

    public static final String KIND = "batch_norm";

    @Override
    public String kind() {
        return KIND;
    }

    /** Reads maps or flat values alike, and has no values of its own to refuse. */
    @Override
    public void validate(LayerCheck check) {
    }
}
