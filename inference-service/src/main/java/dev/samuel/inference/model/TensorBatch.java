package dev.samuel.inference.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * Rows of features laid out in one reused direct buffer, scored by one ONNX Runtime run. ORT reads a direct
 * buffer in place (no copy, no {@code float[][]}); the buffer doubles when a batch outgrows it. Not thread-safe:
 * one per scoring thread. The tensor and the run's result are native and closed before {@link #run} returns.
 */
public final class TensorBatch {

    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    private FloatBuffer input = allocate(1024);
    private float[] output = new float[1024];
    private int features;
    private int rows;

    /** Starts a batch of rows of {@code features} values. */
    public void reset(int features) {
        this.features = features;
        this.rows = 0;
        input.clear();
    }

    public void add(float[] row) {
        if (input.remaining() < row.length) {
            grow(input.capacity() + row.length);
        }
        input.put(row);
        rows++;
    }

    public int rows() {
        return rows;
    }

    /**
     * Scores the rows with {@code model}, which the caller holds a reference on. Returns row-major outputs,
     * {@code rows * shape.outputs()} values, in an array reused by the next call.
     */
    public float[] run(ServedModel model) throws OrtException {
        var shape = model.shape();
        int values = rows * shape.outputs();
        if (output.length < values) {
            output = new float[Math.max(values, output.length * 2)];
        }
        input.flip();
        try (var tensor = OnnxTensor.createTensor(ENV, input, new long[] {rows, features});
             var result = model.session().run(Map.of(shape.input(), tensor))) {
            var scores = ((OnnxTensor) result.get(0)).getFloatBuffer();
            if (scores.remaining() != values) {
                throw new IllegalStateException(model.name() + " version " + model.version() + " returned "
                        + scores.remaining() + " values for " + rows + " rows, expected " + values);
            }
            scores.get(output, 0, values);
        } finally {
            input.clear();
        }
        shape.scores().normalise(output, rows, shape.outputs());
        return output;
    }

    private void grow(int atLeast) {
        var bigger = allocate(Math.max(atLeast, input.capacity() * 2));
        input.flip();
        bigger.put(input);
        input = bigger;
    }

    private static FloatBuffer allocate(int floats) {
        return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
