package dev.samuel.trainer.engine;

import dev.samuel.contracts.event.ResolvedExample;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.onnx.train.Dataset;
import java.util.List;

/** Lays resolved examples out as the flat arrays {@code onnx-training} feeds to its graph. */
final class TrainingData {

    private TrainingData() {
    }

    static Dataset of(ModelSpec spec, List<ResolvedExample> examples) {
        int features = spec.input().featureCount();
        var x = new float[examples.size() * features];
        var weights = new float[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            System.arraycopy(examples.get(i).features(), 0, x, i * features, features);
            weights[i] = examples.get(i).weight();
        }
        return (spec.task().isClassification() && !ModelSpec.BINARY_CROSS_ENTROPY.equals(spec.loss())
                ? classification(x, features, examples) : regression(x, features, examples)).withWeights(weights);
    }

    private static Dataset classification(float[] x, int features, List<ResolvedExample> examples) {
        var classes = new long[examples.size()];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = examples.get(i).classIndex();
        }
        return Dataset.classification(x, features, classes);
    }

    /** Regression values, or the 0/1 target of binary cross-entropy. */
    private static Dataset regression(float[] x, int features, List<ResolvedExample> examples) {
        int width = examples.get(0).target().length;
        var targets = new float[examples.size() * width];
        for (int i = 0; i < examples.size(); i++) {
            System.arraycopy(examples.get(i).target(), 0, targets, i * width, width);
        }
        return Dataset.regression(x, features, targets, width);
    }
}
