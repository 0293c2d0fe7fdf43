package dev.samuel.onnx.train;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import dev.samuel.onnx.runtime.Sessions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reusable input tensors for batches of one row count, over direct buffers that each step overwrites:
 * features, labels, weights and dropout masks; a graph with categorical features also gets each batch's text as a new
 * string tensor (ONNX Runtime copies strings, so there is no buffer to reuse). Owns its tensors.
 */
final class BatchTensors implements AutoCloseable {
    private final int rows;
    private final FloatBuffer features;
    private final LongBuffer classes;
    private final FloatBuffer targets;
    private final FloatBuffer weights;
    private final Map<String, FloatBuffer> masks = new HashMap<>();
    private final Map<String, OnnxTensor> tensors = new HashMap<>();
    private final String categoriesInput;

    /** {@code categoriesInput}: the graph's categorical input, or null when it has none. */
    BatchTensors(int rows, String featureInput, int featureCount, String categoriesInput, boolean classLabels,
                 int targetWidth, List<DropoutSite> dropouts) throws OrtException {
        this.rows = rows;
        this.categoriesInput = categoriesInput;
        try {
            features = floats(featureInput, rows, featureCount);
            weights = floats(TrainingGraph.WEIGHTS, rows, 0);
            if (classLabels) {
                classes = direct(rows * Long.BYTES).asLongBuffer();
                targets = null;
                tensors.put(TrainingGraph.LABELS, OnnxTensor.createTensor(Sessions.env(), classes, new long[] {rows}));
            } else {
                classes = null;
                targets = floats(TrainingGraph.LABELS, rows, targetWidth);
            }
            for (DropoutSite d : dropouts) {
                masks.put(d.maskInput(), floatsShaped(d.maskInput(), rows, d));
            }
        } catch (OrtException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private FloatBuffer floats(String name, int n, int width) throws OrtException {
        FloatBuffer buf = direct(n * Math.max(1, width) * Float.BYTES).asFloatBuffer();
        long[] shape = width == 0 ? new long[] {n} : new long[] {n, width};
        tensors.put(name, OnnxTensor.createTensor(Sessions.env(), buf, shape));
        return buf;
    }

    private FloatBuffer floatsShaped(String name, int n, DropoutSite d) throws OrtException {
        FloatBuffer buf = direct(n * d.perExample() * Float.BYTES).asFloatBuffer();
        long[] shape = d.shape().dims();
        shape[0] = n;
        tensors.put(name, OnnxTensor.createTensor(Sessions.env(), buf, shape));
        return buf;
    }

    private static ByteBuffer direct(int bytes) {
        return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
    }

    /** Copies the batch's rows into the buffers; missing weights become 1. */
    void fill(Batch batch) throws OrtException {
        Dataset d = batch.data();
        if (categoriesInput != null) {
            fillCategories(batch);
        }
        int f = d.featureCount();
        features.clear();
        features.put(d.features(), batch.from() * f, rows * f);
        if (classes != null) {
            classes.clear();
            classes.put(d.classes(), batch.from(), rows);
        } else {
            targets.clear();
            targets.put(d.targets(), batch.from() * d.targetWidth(), rows * d.targetWidth());
        }
        weights.clear();
        if (d.weights() == null) {
            for (int i = 0; i < rows; i++) {
                weights.put(1f);
            }
        } else {
            weights.put(d.weights(), batch.from(), rows);
        }
    }

    private void fillCategories(Batch batch) throws OrtException {
        Dataset d = batch.data();
        int width = d.categoryCount();
        if (width == 0) {
            throw new IllegalArgumentException("the graph reads categorical features; the data has none");
        }
        String[] text = java.util.Arrays.copyOfRange(d.categories(), batch.from() * width, batch.to() * width);
        OnnxTensor previous = tensors.put(categoriesInput,
                OnnxTensor.createTensor(Sessions.env(), text, new long[] {rows, width}));
        if (previous != null) {
            previous.close();
        }
    }

    FloatBuffer mask(String input) {
        return masks.get(input);
    }

    Map<String, OnnxTensor> tensors() {
        return tensors;
    }

    int rows() {
        return rows;
    }

    @Override
    public void close() {
        tensors.values().forEach(OnnxTensor::close);
    }
}
