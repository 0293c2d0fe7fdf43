package dev.samuel.inference.rest;

import dev.samuel.inference.model.ServedModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The response tensors: the model's output (served scores, row-major) and, for a classifier, {@code prediction}:
 * the most probable class per row, as an index (INT64) or a name (BYTES) when the spec names classes.
 */
final class OipOutputs {

    private OipOutputs() {
    }

    static OipBodies.InferResponse of(ServedModel model, String id, float[] values, int rows) {
        int width = model.shape().outputs();
        var outputs = new ArrayList<OipBodies.ResponseOutput>();
        outputs.add(new OipBodies.ResponseOutput(model.shape().output(), List.of((long) rows, (long) width), "FP32",
                Arrays.copyOf(values, rows * width)));
        var task = model.spec().task();
        if (task.isClassification()) {
            var classes = new ArrayList<Object>(rows);
            for (int row = 0; row < rows; row++) {
                int best = argMax(values, row * width, width);
                classes.add(task.classNames() == null ? (Object) (long) best : task.classNames().get(best));
            }
            outputs.add(new OipBodies.ResponseOutput("prediction", List.of((long) rows),
                    task.classNames() == null ? "INT64" : "BYTES", classes));
        }
        return new OipBodies.InferResponse(model.name(), Integer.toString(model.version()), id, outputs);
    }

    private static int argMax(float[] values, int from, int width) {
        int best = 0;
        for (int i = 1; i < width; i++) {
            if (values[from + i] > values[from + best]) {
                best = i;
            }
        }
        return best;
    }
}
