package dev.samuel.onnx.train;

import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.ModelSpecs;

/** Model specs for tests, written as the JSON users write. */
final class Specs {
    private Specs() {
    }

    static ModelSpec classifier(int features, String hidden, int classes, String optimizer) {
        return ModelSpecs.parse("""
                {"name": "test", "task": {"type": "classification", "classes": %d}, "input": {"features": %d},
                 "layers": [%s, {"dense": %d}], "optimizer": %s, "init": {"random": {"seed": 7}}}
                """.formatted(classes, features, hidden, classes, optimizer));
    }

    static ModelSpec regressor(int features, String hidden, int outputs, String loss, String optimizer) {
        return ModelSpecs.parse("""
                {"name": "reg", "task": {"type": "regression", "outputs": %d}, "input": {"features": %d},
                 "layers": [%s, {"dense": %d}], "loss": "%s", "optimizer": %s}
                """.formatted(outputs, features, hidden, outputs, loss, optimizer));
    }
}
