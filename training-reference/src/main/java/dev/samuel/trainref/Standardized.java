package dev.samuel.trainref;

import dev.samuel.onnx.graph.Graph;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.train.Dataset;

/**
 * Samuel's input standardisation done to the DJL side's inputs once, up front: (x - mean) / std in float, with the
 * mean and std Samuel's forward graph holds (per pixel for the MLP, pooled per channel for the CNN), so both sides
 * train on the same numbers while the DJL side pays nothing for it per step.
 */
final class Standardized {
    /** The initializers of SpecGraphs' Sub and Div before the first layer. */
    private static final String MEAN = "standardize.mean";
    private static final String STD = "standardize.std";

    private Standardized() {
    }

    static Dataset of(Dataset data, Graph forward) {
        Tensor mean = forward.initializers().get(MEAN);
        Tensor std = forward.initializers().get(STD);
        if (mean == null || std == null) {
            return data; // the spec does not standardise
        }
        int f = data.featureCount();
        float[] m = mean.floats();
        float[] s = std.floats();
        float[] x = data.features().clone();
        for (int i = 0; i < x.length; i++) {
            x[i] = (x[i] - m[i % f]) / s[i % f];
        }
        return Dataset.classification(x, f, data.classes());
    }
}
