package dev.samuel.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.samuel.contracts.event.ResolvedExample;
import dev.samuel.contracts.model.OutputKind;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.contracts.split.HoldoutSplit;
import dev.samuel.testkit.data.MnistSample;
import dev.samuel.trainer.data.ExampleSet;
import dev.samuel.trainer.jobs.HoldoutEvaluator;
import dev.samuel.trainer.jobs.WarmStart;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A foreign program fine-tuned as the platform does it: the trained PyTorch MLP of {@code examples/models} on the
 * MNIST sample, split by the platform's rule, on pixels / 255 as it was trained.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForeignFineTuneTest {

    static final Path FIXTURE = Path.of("../examples/models/torch-mlp-mnist.onnx");

    byte[] fixture;
    ExampleSet train;
    ExampleSet holdout;

    static ModelSpec spec(String optimizer, int epochs) {
        return ModelSpecs.parse("""
                {"name": "digits", "task": {"type": "classification", "classes": 10}, "input": {"features": 784},
                 "layers": [{"dense": 128, "activation": "relu"}, {"dense": 10}], "optimizer": %s,
                 "training": {"batchSize": 64, "epochs": %d, "holdout": 0.125}}""".formatted(optimizer, epochs));
    }

    @BeforeAll
    void read() throws Exception {
        fixture = Files.readAllBytes(FIXTURE);
        var sample = MnistSample.read(MnistSample.folder(), 1 / 255f);
        var trainRows = new ArrayList<ResolvedExample>();
        var testRows = new ArrayList<ResolvedExample>();
        for (int i = 0; i < sample.size(); i++) {
            var example = new ResolvedExample(sample.pixels()[i], new float[] {sample.labels()[i]}, 1f);
            (HoldoutSplit.of(MnistSample.key(i), 0.125) == HoldoutSplit.Split.TEST ? testRows : trainRows).add(example);
        }
        train = new ExampleSet(trainRows);
        holdout = new ExampleSet(testRows);
    }

    @Test
    void oneEpochOfSgdAtATinyRateStartsFromTheProgramsAccuracyNotFromChance() throws Exception {
        var spec = spec("{\"sgd\": {\"lr\": 1e-6}}", 1);
        double own = HoldoutEvaluator.score(fixture, spec, Optional.empty(), holdout).accuracy();

        var tuned = new OnnxTrainingEngine().train(spec, train,
                new WarmStart.ForeignProgram("digits v1", fixture, OutputKind.LOGITS), 42, (e, s, l, v) -> { });

        assertThat(own).as("the fixture's own holdout accuracy").isGreaterThan(0.85);
        assertThat(HoldoutEvaluator.score(tuned.frozen(), spec, Optional.empty(), holdout).accuracy())
                .isCloseTo(own, within(0.01));
    }

    @Test
    void theGatesLossOfALogitsProgramIsPyTorchsCrossEntropyLoss() throws Exception {
        var spec = spec("{\"adam\": {\"lr\": 1e-4}}", 1);

        double gate = HoldoutEvaluator.score(fixture, spec, Optional.empty(), holdout).loss();

        // torch.nn.CrossEntropyLoss()(logits, y): the mean over rows of logsumexp(z) - z[y], from the raw logits.
        double sum = 0;
        var logits = logits(holdout);
        for (int row = 0; row < logits.length; row++) {
            double max = Double.NEGATIVE_INFINITY;
            for (float z : logits[row]) {
                max = Math.max(max, z);
            }
            double exp = 0;
            for (float z : logits[row]) {
                exp += Math.exp(z - max);
            }
            sum += max + Math.log(exp) - logits[row][holdout.examples().get(row).classIndex()];
        }
        double pytorch = sum / logits.length;
        assertThat(gate).isCloseTo(pytorch, within(1e-5 * pytorch));
    }

    private float[][] logits(ExampleSet rows) throws Exception {
        var environment = OrtEnvironment.getEnvironment();
        var x = new float[rows.size() * 784];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.examples().get(i).features(), 0, x, i * 784, 784);
        }
        try (var session = environment.createSession(fixture, new OrtSession.SessionOptions());
             var input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(x), new long[] {rows.size(), 784});
             var result = session.run(Map.of("x", input))) {
            return (float[][]) result.get(0).getValue();
        }
    }
}
