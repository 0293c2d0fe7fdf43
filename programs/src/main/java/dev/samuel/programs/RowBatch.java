package dev.samuel.programs;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import dev.samuel.contracts.event.FeatureRow;
import dev.samuel.contracts.model.ProgramSignature;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Rows of features laid out in one reused direct buffer, scored by one ONNX Runtime run. ORT reads a direct
 * buffer in place (no copy, no {@code float[][]}); the buffer doubles when a batch outgrows it. Only the output the
 * signature names is computed and returned, as the program wrote it. Not thread-safe: one per scoring thread. The
 * input tensors and the run's result are native and closed before {@link #run} returns. A program with categorical
 * features also gets the rows' text, as a string tensor (ONNX Runtime copies strings in any case).
 */
public final class RowBatch {

    private FloatBuffer input = allocate(1024);
    private float[] output = new float[1024];
    private int features;
    private int rows;
    private String[] text = new String[0];
    private int categories;

    /** Starts a batch of rows of {@code features} values. */
    public void reset(int features) {
        reset(features, 0);
    }

    /** Starts a batch of rows of {@code features} numbers and {@code categories} categorical values. */
    public void reset(int features, int categories) {
        this.features = features;
        this.categories = categories;
        this.rows = 0;
        input.clear();
    }

    /** A row of numbers and categorical values, as {@link dev.samuel.contracts.event.ExampleResolver#row} lays it out. */
    public void add(FeatureRow row) {
        if (row.categories().length != categories) {
            throw new IllegalArgumentException("a row of " + row.categories().length + " categories in a batch of "
                    + categories);
        }
        if (text.length < (rows + 1) * categories) {
            text = Arrays.copyOf(text, Math.max((rows + 1) * categories, text.length * 2));
        }
        System.arraycopy(row.categories(), 0, text, rows * categories, categories);
        add(row.numbers());
    }

    public void add(float[] row) {
        if (row.length != features) {
            throw new IllegalArgumentException("a row of " + row.length + " values in a batch of " + features);
        }
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
     * Runs the rows through the program and returns the signature's output, row-major, {@code rows * width}
     * values, in an array reused by the next call. The batch is empty afterwards.
     */
    public float[] run(Program program, ProgramSignature signature) throws OrtException {
        int values = rows * signature.width();
        if (output.length < values) {
            output = new float[Math.max(values, output.length * 2)];
        }
        input.flip();
        try (var tensor = OnnxTensor.createTensor(Program.ENVIRONMENT, input, new long[] {rows, features});
             var categorical = categories == 0 ? null : OnnxTensor.createTensor(Program.ENVIRONMENT,
                     Arrays.copyOf(text, rows * categories), new long[] {rows, categories});
             var result = program.session().run(categories == 0 ? Map.of(signature.input(), tensor)
                     : Map.of(signature.input(), tensor, ProgramSignature.CATEGORIES, categorical),
                     Set.of(signature.output()))) {
            var out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            if (out.remaining() != values) {
                throw new IllegalStateException("output '" + signature.output() + "' holds " + out.remaining()
                        + " values for " + rows + " rows, expected " + values);
            }
            out.get(output, 0, values);
        } finally {
            input.clear();
            rows = 0;
        }
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
