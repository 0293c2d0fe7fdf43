package dev.samuel.inference.rest;

import dev.samuel.inference.model.ServedModel;
import java.util.List;
import java.util.Map;

/** OIP model metadata of a served version. */
final class OipMetadata {

    private OipMetadata() {
    }

    static OipBodies.ModelMetadata of(ServedModel model) {
        var shape = model.shape();
        var inputs = List.of(new OipBodies.TensorMetadata(shape.input(), "FP32", List.of(-1L, (long) shape.features())));
        var outputs = List.of(new OipBodies.TensorMetadata(shape.output(), "FP32", List.of(-1L, (long) shape.outputs())));
        return new OipBodies.ModelMetadata(model.name(), List.of(Integer.toString(model.version())), "onnxruntime_onnx",
                inputs, outputs, Map.of("task", model.spec().task().type(), "scores", shape.scores().name().toLowerCase()));
    }
}
