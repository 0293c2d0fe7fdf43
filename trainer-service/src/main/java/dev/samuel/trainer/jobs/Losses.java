package dev.samuel.trainer.jobs;

import dev.samuel.contracts.spec.ModelSpec;

/** The spec's losses, computed from a frozen program's outputs for one example. */
enum Losses {

    /** -log p(label), with p the program's class probabilities. */
    SOFTMAX_CROSS_ENTROPY {
        @Override
        double loss(float[] probabilities, float[] target) {
            return -Math.log(Math.max(probabilities[(int) target[0]], MIN_PROBABILITY));
        }
    },
    /** -(y log p + (1 - y) log(1 - p)), with p the program's probability of class 1. */
    BINARY_CROSS_ENTROPY {
        @Override
        double loss(float[] probability, float[] target) {
            double p = Math.min(Math.max(probability[0], MIN_PROBABILITY), 1 - MIN_PROBABILITY);
            return target[0] == 1 ? -Math.log(p) : -Math.log(1 - p);
        }
    },
    /** The mean over outputs of (y - value)^2. */
    MEAN_SQUARED_ERROR {
        @Override
        double loss(float[] values, float[] target) {
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                double error = values[i] - target[i];
                sum += error * error;
            }
            return sum / values.length;
        }
    };

    /** Keeps the loss of a confidently wrong prediction finite. */
    private static final double MIN_PROBABILITY = 1e-12;

    abstract double loss(float[] outputs, float[] target);

    static Losses of(String specLoss) {
        return switch (specLoss) {
            case ModelSpec.SOFTMAX_CROSS_ENTROPY -> SOFTMAX_CROSS_ENTROPY;
            case ModelSpec.BINARY_CROSS_ENTROPY -> BINARY_CROSS_ENTROPY;
            case ModelSpec.MEAN_SQUARED_ERROR -> MEAN_SQUARED_ERROR;
            default -> throw new IllegalArgumentException("unknown loss " + specLoss);
        };
    }

    /** The class a classification program predicts: the most probable one. */
    static int predictedClass(String specLoss, float[] outputs) {
        if (ModelSpec.BINARY_CROSS_ENTROPY.equals(specLoss)) {
            return outputs[0] >= 0.5f ? 1 : 0;
        }
        int best = 0;
        for (int i = 1; i < outputs.length; i++) {
            if (outputs[i] > outputs[best]) {
                best = i;
            }
        }
        return best;
    }
}
