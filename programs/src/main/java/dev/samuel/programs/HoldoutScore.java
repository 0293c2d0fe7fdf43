package dev.samuel.programs;

import ai.onnxruntime.OrtException;
import dev.samuel.contracts.event.FeatureRow;
import dev.samuel.contracts.event.ResolvedExample;
import dev.samuel.contracts.model.ModelSignature;
import java.util.Arrays;
import java.util.List;

/**
 * A program's loss and accuracy on labelled examples, run as inference runs it ({@link RowBatch}) and judged by the
 * model's {@link ModelSignature}: the weighted mean of the spec's loss, as in training, and the fraction of examples
 * whose class it predicts (NaN for a regression). For a regression, {@code errorP90} is the 90th percentile of its
 * examples' losses (squared errors): the line above which a served result counts as an error for the drift detector
 * (NaN for a classifier, whose error is a miss).
 */
public record HoldoutScore(double loss, double accuracy, int examples, double errorP90) {

    private static final int BATCH = 256;

    public static HoldoutScore of(Program program, ModelSignature signature, List<ResolvedExample> examples) {
        return of(program, signature, List.of(examples), examples.size());
    }

    /** The same over examples read in chunks (a holdout larger than memory), {@code total} of them in all. */
    public static HoldoutScore of(Program program, ModelSignature signature,
                                  Iterable<List<ResolvedExample>> chunks, int total) {
        var batch = new RowBatch();
        double weightedLoss = 0;
        double weights = 0;
        long correct = 0;
        double[] losses = new double[total];
        int scored = 0;
        for (var chunk : chunks) {
            for (int start = 0; start < chunk.size(); start += BATCH) {
                var rows = chunk.subList(start, Math.min(chunk.size(), start + BATCH));
                batch.reset(signature.program().features(), signature.program().categories());
                rows.forEach(example -> batch.add(new FeatureRow(example.features(), example.categories())));
                float[] outputs = run(batch, program, signature);
                for (int row = 0; row < rows.size(); row++) {
                    var example = rows.get(row);
                    double loss = signature.loss(outputs, row, example.target());
                    losses[scored++] = loss;
                    weightedLoss += example.weight() * loss;
                    weights += example.weight();
                    if (signature.isClassifier() && signature.isCorrect(outputs, row, example.target())) {
                        correct++;
                    }
                }
            }
        }
        if (scored != total) {
            throw new IllegalArgumentException("the holdout gave " + scored + " examples, " + total + " were expected");
        }
        double accuracy = signature.isClassifier() ? correct / (double) total : Double.NaN;
        return new HoldoutScore(weights > 0 ? weightedLoss / weights : Double.NaN, accuracy, total,
                signature.isClassifier() ? Double.NaN : percentile90(losses));
    }

    /** The nearest-rank 90th percentile; NaN for no examples. */
    private static double percentile90(double[] losses) {
        if (losses.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(losses);
        return losses[(int) Math.ceil(0.9 * losses.length) - 1];
    }

    private static float[] run(RowBatch batch, Program program, ModelSignature signature) {
        try {
            return batch.run(program, signature.program());
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to score the holdout: " + e.getMessage(), e);
        }
    }
}
