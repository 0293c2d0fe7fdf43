package dev.samuel.inference.rest;

import dev.samuel.contracts.event.FloatVector;
import dev.samuel.contracts.event.Label;
import dev.samuel.contracts.model.ModelSignature;
import dev.samuel.inference.model.ServedModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The response tensors, read by the model's signature: the program's own output under its own name, with the values
 * it wrote; then what the platform derives, under fixed names: {@code probabilities} (classifiers, one per class,
 * whatever the program outputs) and {@code prediction} (the class index as INT64, or its name as BYTES when the spec
 * names classes; the value for a regression). The Kafka predictions carry the same prediction and probabilities. A
 * program whose own output already has one of the fixed names keeps it, and that derived tensor is left out.
 */
final class OipOutputs {

    static final String PROBABILITIES = "probabilities";
    static final String PREDICTION = "prediction";

    private OipOutputs() {
    }

    static OipBodies.InferResponse of(ServedModel model, String id, float[] values, int rows) {
        var signature = model.signature();
        var own = signature.program();
        var outputs = new ArrayList<OipBodies.ResponseOutput>();
        outputs.add(new OipBodies.ResponseOutput(own.output(), List.of((long) rows, (long) own.width()), "FP32",
                Arrays.copyOf(values, rows * own.width())));
        if (signature.isClassifier() && !own.output().equals(PROBABILITIES)) {
            outputs.add(probabilities(signature, values, rows));
        }
        if (!own.output().equals(PREDICTION)) {
            outputs.add(prediction(signature, values, rows));
        }
        return new OipBodies.InferResponse(model.name(), Integer.toString(model.version()), id, outputs);
    }

    /** The tensors a response holds, for the model's metadata. */
    static List<OipBodies.TensorMetadata> metadata(ModelSignature signature) {
        var own = signature.program();
        var tensors = new ArrayList<OipBodies.TensorMetadata>();
        tensors.add(new OipBodies.TensorMetadata(own.output(), "FP32", List.of(-1L, (long) own.width())));
        if (signature.isClassifier() && !own.output().equals(PROBABILITIES)) {
            tensors.add(new OipBodies.TensorMetadata(PROBABILITIES, "FP32",
                    List.of(-1L, (long) signature.task().classes())));
        }
        if (!own.output().equals(PREDICTION)) {
            tensors.add(new OipBodies.TensorMetadata(PREDICTION, predictionType(signature), predictionShape(signature, -1)));
        }
        return tensors;
    }

    private static OipBodies.ResponseOutput probabilities(ModelSignature signature, float[] values, int rows) {
        int classes = signature.task().classes();
        var data = new float[rows * classes];
        for (int row = 0; row < rows; row++) {
            System.arraycopy(signature.probabilities(values, row), 0, data, row * classes, classes);
        }
        return new OipBodies.ResponseOutput(PROBABILITIES, List.of((long) rows, (long) classes), "FP32", data);
    }

    private static OipBodies.ResponseOutput prediction(ModelSignature signature, float[] values, int rows) {
        var data = new ArrayList<Object>(rows);
        for (int row = 0; row < rows; row++) {
            var label = signature.prediction(values, row);
            if (label instanceof Label.Number number) {
                data.add(signature.isClassifier() ? (Object) (long) number.value() : (Object) (float) number.value());
            } else if (label instanceof Label.Name name) {
                data.add(name.value());
            } else {
                for (float value : ((FloatVector) label).values()) {
                    data.add(value);
                }
            }
        }
        return new OipBodies.ResponseOutput(PREDICTION, predictionShape(signature, rows), predictionType(signature), data);
    }

    private static String predictionType(ModelSignature signature) {
        if (!signature.isClassifier()) {
            return "FP32";
        }
        return signature.task().classNames() == null ? "INT64" : "BYTES";
    }

    /** [rows] for a class or a single value, [rows, outputs] for several regression values. */
    private static List<Long> predictionShape(ModelSignature signature, long rows) {
        return signature.isClassifier() || signature.width() == 1 ? List.of(rows) : List.of(rows, (long) signature.width());
    }
}
