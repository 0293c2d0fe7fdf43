package dev.samuel.inference.rest;

import dev.samuel.contracts.model.ProgramSignature;
import dev.samuel.inference.model.ServedModel;
import java.util.List;
import java.util.Map;

/** OIP model metadata of a served version: the program's own inputs, and the tensors a response holds. */
final class OipMetadata {

    private OipMetadata() {
    }

    static OipBodies.ModelMetadata of(ServedModel model) {
        var signature = model.signature();
        var own = signature.program();
        var numbers = new OipBodies.TensorMetadata(own.input(), "FP32", List.of(-1L, (long) own.features()));
        var inputs = own.categories() == 0 ? List.of(numbers) : List.of(numbers, new OipBodies.TensorMetadata(
                ProgramSignature.CATEGORIES, InputTensor.BYTES, List.of(-1L, (long) own.categories())));
        return new OipBodies.ModelMetadata(model.name(), List.of(Integer.toString(model.version())), "onnxruntime_onnx",
                inputs, OipOutputs.metadata(signature), Map.of("task", signature.task().type(),
                        "output_kind", own.kind().jsonName()));
    }
}
