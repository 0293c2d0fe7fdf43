package dev.samuel.onnx.loss;

import dev.samuel.onnx.graph.DType;

/** The losses a model can train with, by their spec names. */
public enum LossKind {
    /** Softmax over the logits, cross-entropy against class indices (int64 labels [N]). */
    SOFTMAX_CROSS_ENTROPY("softmax_cross_entropy", DType.INT64),
    /** Mean of squared differences over the outputs (float targets [N, K]). */
    MSE("mse", DType.FLOAT),
    /** Sigmoid of one logit, binary cross-entropy against class indices 0/1 [N], computed stably from the logit. */
    BINARY_CROSS_ENTROPY("binary_cross_entropy", DType.INT64);

    private final String specName;
    private final DType labelType;

    LossKind(String specName, DType labelType) {
        this.specName = specName;
        this.labelType = labelType;
    }

    public String specName() {
        return specName;
    }

    public boolean hasClassLabels() {
        return labelType == DType.INT64;
    }

    public static LossKind of(String specName) {
        for (LossKind k : values()) {
            if (k.specName.equals(specName)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + specName + "'");
    }
}
