package dev.samuel.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.samuel.contracts.event.ResolvedExample;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.onnx.spec.SpecGraphs;
import dev.samuel.onnx.train.FreezeMetadata;
import dev.samuel.onnx.train.InitialParameters;
import dev.samuel.onnx.train.Standardization;
import dev.samuel.onnx.train.TrainingSession;
import dev.samuel.trainer.data.ExampleSet;
import dev.samuel.trainer.jobs.HoldoutEvaluator;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The gate's loss and the training graph's loss are one loss: the holdout loss of a frozen program, as the trainer
 * computes it from what the program outputs, equals the training graph's loss on the same rows, for every loss.
 */
class HoldoutLossTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            softmax cross-entropy, 4 classes | {"type": "classification", "classes": 4}    | 4 | softmax_cross_entropy
            binary cross-entropy             | {"type": "classification", "classes": 2}    | 1 | binary_cross_entropy
            mean squared error, 1 output     | {"type": "regression"}                      | 1 | mse
            mean squared error, 3 outputs    | {"type": "regression", "outputs": 3}        | 3 | mse
            """)
    void theHoldoutLossOfTheFrozenProgramIsTheTrainingGraphsLoss(String name, String task, int width, String loss) {
        var spec = ModelSpecs.parse("""
                {"name": "l", "task": %s, "input": {"features": 5}, "loss": "%s",
                 "layers": [{"dense": 16, "activation": "tanh"}, {"dense": %d}]}""".formatted(task, loss, width));
        var rows = rows(spec, 300);
        var flat = TrainingData.of(spec, rows.examples());
        try (var session = TrainingSession.create(spec, Standardization.fit(flat), InitialParameters.random(3))) {
            for (var batch : flat.batches(32)) {
                session.step(batch);
            }
            double graphLoss = session.evaluate(flat).loss();
            var frozen = session.freeze(FreezeMetadata.ofSpec("l", "-", SpecGraphs.outputKind(spec)));

            double holdoutLoss = HoldoutEvaluator.score(frozen, spec, Optional.empty(), rows).loss();

            assertThat(holdoutLoss).isCloseTo(graphLoss, within(1e-5 * Math.max(1, graphLoss)));
        }
    }

    /** Rows whose targets depend on the features, with weights between 0.5 and 1.5. */
    static ExampleSet rows(ModelSpec spec, int n) {
        var random = new Random(11);
        var examples = new ArrayList<ResolvedExample>();
        int outputs = spec.task().isClassification() ? 1 : spec.task().outputs();
        for (int i = 0; i < n; i++) {
            var x = new float[5];
            for (int j = 0; j < 5; j++) {
                x[j] = (float) (random.nextGaussian() * (j + 1) + j * 10);
            }
            var target = new float[outputs];
            for (int k = 0; k < outputs; k++) {
                target[k] = spec.task().isClassification() ? Math.floorMod((int) (x[0] + x[1]), spec.task().classes())
                        : x[k] - 2 * x[4];
            }
            examples.add(new ResolvedExample(x, target, (float) (0.5 + random.nextDouble())));
        }
        return new ExampleSet(examples);
    }
}
