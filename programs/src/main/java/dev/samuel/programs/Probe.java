package dev.samuel.programs;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import dev.samuel.contracts.event.FeatureRow;
import dev.samuel.contracts.model.ProgramSignature;
import dev.samuel.programs.ProgramRefusedException.Reason;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The probe: a zero row, a row of ones and seeded Gaussian rows, run once through a program before anyone relies on
 * it. Its outputs must be finite and of one width; they also show whether a classifier ends in a softmax.
 */
public final class Probe {

    static final int ROWS = 16;
    private static final double TOLERANCE = 1e-3;

    /** What the probe produced: {@code width} values per row, row-major. */
    record Outputs(float[] values, int width) {

        /** Every row non-negative and summing to 1: the program ends in a softmax (or the like). */
        boolean areProbabilities() {
            for (int row = 0; row < ROWS; row++) {
                double sum = 0;
                for (int i = row * width; i < (row + 1) * width; i++) {
                    if (values[i] < 0) {
                        return false;
                    }
                    sum += values[i];
                }
                if (Math.abs(sum - 1) > TOLERANCE) {
                    return false;
                }
            }
            return true;
        }
    }

    private Probe() {
    }

    /**
     * Runs the probe through a program whose signature is known (recorded when it was registered), so a session has
     * run before it serves; refused when it fails, produces non-finite values or another width.
     */
    public static void check(Program program, ProgramSignature signature) {
        var outputs = run(program, signature.input(), signature.output(), signature.features(), signature.categories());
        if (outputs.width() != signature.width()) {
            throw new ProgramRefusedException(Reason.OUTPUT_MISMATCH, "the probe rows produced " + outputs.width()
                    + " values per row in output '" + signature.output() + "'; its signature says " + signature.width());
        }
    }

    /** {@code categories}: the categorical features the program reads as text, each probed as missing; or 0. */
    static Outputs run(Program program, String input, String output, int features, int categories) {
        var rows = FloatBuffer.wrap(rows(features));
        long[] shape;
        float[] values;
        var missing = new String[ROWS * categories];
        Arrays.fill(missing, FeatureRow.MISSING);
        try (var tensor = OnnxTensor.createTensor(Program.ENVIRONMENT, rows, new long[] {ROWS, features});
             var text = categories == 0 ? null
                     : OnnxTensor.createTensor(Program.ENVIRONMENT, missing, new long[] {ROWS, categories});
             var result = program.session().run(categories == 0 ? Map.of(input, tensor)
                     : Map.of(input, tensor, ProgramSignature.CATEGORIES, text), Set.of(output))) {
            var out = (OnnxTensor) result.get(0);
            shape = out.getInfo().getShape();
            values = new float[out.getFloatBuffer().remaining()];
            out.getFloatBuffer().get(values);
        } catch (OrtException | RuntimeException e) {
            throw new ProgramRefusedException(Reason.FAILS_TO_RUN, "the program fails on " + ROWS + " probe rows of "
                    + features + " features: " + e.getMessage(), e);
        }
        if (shape.length != 2 || shape[0] != ROWS || shape[1] < 1) {
            throw new ProgramRefusedException(Reason.OUTPUT_MISMATCH, "the probe of " + ROWS + " rows produced an"
                    + " output '" + output + "' of shape " + Arrays.toString(shape) + "; it must be [" + ROWS + ", n]");
        }
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new ProgramRefusedException(Reason.FAILS_TO_RUN, "the probe rows produced " + v + " in output '"
                        + output + "'");
            }
        }
        return new Outputs(values, Math.toIntExact(shape[1]));
    }

    /** Zeros, ones, then Gaussian noise of standard deviation 3 from a fixed seed. */
    static float[] rows(int features) {
        var random = new Random(7);
        var rows = new float[ROWS * features];
        Arrays.fill(rows, features, 2 * features, 1f);
        for (int i = 2 * features; i < rows.length; i++) {
            rows[i] = (float) (random.nextGaussian() * 3);
        }
        return rows;
    }
}
