package dev.samuel.trainer.jobs;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.samuel.contracts.event.ResolvedExample;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.trainer.data.Dataset;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * Scores a frozen program on the holdout with ONNX Runtime, as inference would run it, and computes the
 * spec's loss from its outputs: frozen classification programs output class probabilities (binary: the
 * probability of class 1), regression programs the values.
 */
public final class HoldoutEvaluator {

    private static final int BATCH = 256;

    /** Weighted mean loss over the holdout; accuracy is NaN for regression. */
    public record Evaluation(double loss, double accuracy, int examples) {
    }

    private HoldoutEvaluator() {
    }

    public static Evaluation evaluate(byte[] frozen, ModelSpec spec, Dataset holdout) throws OrtException {
        var environment = OrtEnvironment.getEnvironment();
        try (var options = new OrtSession.SessionOptions();
             var session = environment.createSession(frozen, options)) {
            var tally = new Tally(spec);
            var examples = holdout.examples();
            for (int start = 0; start < examples.size(); start += BATCH) {
                var batch = examples.subList(start, Math.min(examples.size(), start + BATCH));
                tally.add(batch, score(environment, session, spec.input().featureCount(), batch));
            }
            return tally.result(examples.size());
        }
    }

    private static float[][] score(OrtEnvironment environment, OrtSession session, int features,
                                   List<ResolvedExample> batch) throws OrtException {
        FloatBuffer input = ByteBuffer.allocateDirect(4 * features * batch.size())
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
        batch.forEach(example -> input.put(example.features()));
        input.rewind();
        var inputName = session.getInputNames().iterator().next();
        try (var tensor = OnnxTensor.createTensor(environment, input, new long[] {batch.size(), features});
             var result = session.run(java.util.Map.of(inputName, tensor))) {
            return (float[][]) result.get(0).getValue();
        }
    }

    /** Running sums of the weighted loss and of correct predictions. */
    private static final class Tally {
        private final ModelSpec spec;
        private final Losses loss;
        private double weightedLoss;
        private double weights;
        private long correct;

        Tally(ModelSpec spec) {
            this.spec = spec;
            this.loss = Losses.of(spec.loss());
        }

        void add(List<ResolvedExample> batch, float[][] outputs) {
            for (int i = 0; i < batch.size(); i++) {
                var example = batch.get(i);
                weightedLoss += example.weight() * loss.loss(outputs[i], example.target());
                weights += example.weight();
                if (spec.task().isClassification() && Losses.predictedClass(spec.loss(), outputs[i]) == example.classIndex()) {
                    correct++;
                }
            }
        }

        Evaluation result(int examples) {
            double accuracy = spec.task().isClassification() ? correct / (double) examples : Double.NaN;
            return new Evaluation(weights > 0 ? weightedLoss / weights : Double.NaN, accuracy, examples);
        }
    }
}
