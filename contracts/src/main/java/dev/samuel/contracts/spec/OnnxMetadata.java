package dev.samuel.contracts.spec;

/**
 * {@code metadata_props} keys of a frozen ONNX model that its consumers read. The trainer writes them when it
 * freezes a model; inference reads them when it loads one.
 */
public final class OnnxMetadata {

    /**
     * What a classifier's first output holds: {@value #PROBABILITIES} (served as they are) or {@value #LOGITS}
     * (inference applies a softmax per row). Without it, inference decides from a probe batch.
     */
    public static final String SCORES = "samuel.scores";
    public static final String PROBABILITIES = "probabilities";
    public static final String LOGITS = "logits";

    private OnnxMetadata() {
    }
}
