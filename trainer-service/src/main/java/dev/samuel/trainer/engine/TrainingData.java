package dev.samuel.trainer.engine;

import dev.samuel.contracts.event.ResolvedExample;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.onnx.loss.LossKind;
import dev.samuel.onnx.train.Dataset;
import java.util.List;

/**
 * Lays resolved examples out as the flat arrays {@code onnx-training} feeds to its graph: the numbers, the categorical
 * features' text, class indices for the cross-entropy losses (binary too: 0 or 1), target values for the mean
 * squared error.
 */
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
        var data = LossKind.of(spec.loss()).hasClassLabels() ? classes(x, features, examples)
                : values(x, features, examples, spec.task().outputs());
        int categories = spec.input().categorical().size();
        return categories == 0 ? data.withWeights(weights)
                : data.withWeights(weights).withCategories(categories(examples, categories), categories);
    }

    private static String[] categories(List<ResolvedExample> examples, int width) {
        var text = new String[examples.size() * width];
        for (int i = 0; i < examples.size(); i++) {
            System.arraycopy(examples.get(i).categories(), 0, text, i * width, width);
        }
        return text;
    }

    private static Dataset classes(float[] x, int features, List<ResolvedExample> examples) {
        var classes = new long[examples.size()];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = examples.get(i).classIndex();
        }
        return Dataset.classification(x, features, classes);
    }

    private static Dataset values(float[] x, int features, List<ResolvedExample> examples, int width) {
        var targets = new float[examples.size() * width];
        for (int i = 0; i < examples.size(); i++) {
            System.arraycopy(examples.get(i).target(), 0, targets, i * width, width);
        }
        return Dataset.regression(x, features, targets, width);
    }
}
