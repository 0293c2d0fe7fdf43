package dev.samuel.trainer.engine;

import dev.samuel.contracts.event.ResolvedExample;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.onnx.loss.LossKind;
import dev.samuel.onnx.train.Dataset;
import dev.samuel.trainer.data.ExampleColumns;
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
        return of(spec, ExampleColumns.of(examples));
    }

    /** The columns as they are: numbers, weights and text shared, not copied. */
    static Dataset of(ModelSpec spec, ExampleColumns rows) {
        int features = spec.input().featureCount();
        var data = (LossKind.of(spec.loss()).hasClassLabels() ? Dataset.classification(rows.features(), features,
                classes(rows)) : Dataset.regression(rows.features(), features, rows.targets(), spec.task().outputs()))
                .withWeights(rows.weights());
        int categories = spec.input().categorical().size();
        return categories == 0 ? data : data.withCategories(rows.categories(), categories);
    }

    private static long[] classes(ExampleColumns rows) {
        var classes = new long[rows.rows()];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = (long) rows.targets()[i * rows.targetWidth()];
        }
        return classes;
    }
}
