package dev.samuel.onnx.loss;

import dev.samuel.contracts.spec.ModelSpec;

/** The losses a model can train with, by their spec names (contracts' {@link ModelSpec} spells them). */
public enum LossKind {
    /** Softmax over the logits, cross-entropy against class indices (int64 labels [N]). */
    SOFTMAX_CROSS_ENTROPY(ModelSpec.SOFTMAX_CROSS_ENTROPY),
    /** Mean of squared differences over the outputs (float targets [N, K]). */
    MSE(ModelSpec.MEAN_SQUARED_ERROR),
    /** Sigmoid of one logit, binary cross-entropy against class indices 0/1 [N], computed stably from the logit. */
    BINARY_CROSS_ENTROPY(ModelSpec.BINARY_CROSS_ENTROPY);

    private final String specName;

    LossKind(String specName) {
        this.specName = specName;
    }

    public String specName() {
        return specName;
    }

    /**
     * Whether its labels are class indices (int64); else they are float targets of the graph's float type, which
     * {@link Losses#labelType} gives. A switch, so that a new loss cannot compile without saying which.
     */
    public boolean hasClassLabels() {
        return switch (this) {
            case SOFTMAX_CROSS_ENTROPY, BINARY_CROSS_ENTROPY -> true;
            case MSE -> false;
        };
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
