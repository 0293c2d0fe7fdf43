package dev.samuel.inference.model;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.samuel.contracts.spec.ModelSpec;

/**
 * Checks a session against the spec: one float input {@code [batch, features]} with a free batch dimension,
 * a float output {@code [batch, width]} where width is the number of classes or regression outputs.
 */
final class ShapeCheck {

    private ShapeCheck() {
    }

    static ModelShape of(ModelSpec spec, OrtSession session) throws ModelLoadException {
        try {
            if (session.getNumInputs() != 1) {
                throw refuse("the model has " + session.getNumInputs() + " inputs; serving needs exactly one");
            }
            var input = session.getInputInfo().values().iterator().next();
            var output = session.getOutputInfo().values().iterator().next();
            if (!ModelLoader.isFloatMatrix(input) || !ModelLoader.isFloatMatrix(output)) {
                throw refuse("input and first output must be float tensors [batch, n], got " + input.getInfo()
                        + " -> " + output.getInfo());
            }
            long[] in = ((TensorInfo) input.getInfo()).getShape();
            long[] out = ((TensorInfo) output.getInfo()).getShape();
            int features = spec.input().featureCount();
            int width = width(spec);
            if (in[0] > 0) {
                throw refuse("input " + input.getName() + " has a fixed batch size " + in[0] + "; it must be dynamic");
            }
            if (in[1] != features) {
                throw refuse("input " + input.getName() + " takes " + in[1] + " features; the spec of "
                        + spec.name() + " has " + features);
            }
            if (out[1] > 0 && out[1] != width) {
                throw refuse("output " + output.getName() + " has width " + out[1] + "; the spec of " + spec.name()
                        + " needs " + width);
            }
            return new ModelShape(input.getName(), output.getName(), features, width, ModelShape.Scores.VALUES);
        } catch (OrtException e) {
            throw refuse("cannot read the model's inputs and outputs: " + e.getMessage());
        }
    }

    /** Classes for a classifier, outputs for a regression. */
    static int width(ModelSpec spec) {
        return spec.task().isClassification() ? spec.task().classes() : spec.task().outputs();
    }

    private static ModelLoadException refuse(String message) {
        return new ModelLoadException(LoadFailure.SHAPE, message);
    }
}
