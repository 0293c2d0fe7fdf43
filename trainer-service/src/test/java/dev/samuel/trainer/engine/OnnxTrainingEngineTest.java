package dev.samuel.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.event.ResolvedExample;
import dev.samuel.contracts.spec.Input;
import dev.samuel.contracts.spec.Layer;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.Optimizer;
import dev.samuel.contracts.spec.Task;
import dev.samuel.contracts.spec.Training;
import dev.samuel.trainer.data.Dataset;
import dev.samuel.trainer.data.FeatureStats;
import dev.samuel.trainer.jobs.HoldoutEvaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OnnxTrainingEngineTest {

    /** Two Gaussian blobs, one at (-2, 2000) and one at (2, 2600): the second feature on a scale 300 times larger. */
    static Dataset blobs(int n, long seed) {
        var random = new Random(seed);
        var examples = new ArrayList<ResolvedExample>();
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            float x = (float) ((label == 0 ? -2 : 2) + random.nextGaussian());
            float y = (float) ((label == 0 ? 2000 : 2600) + 300 * random.nextGaussian());
            examples.add(new ResolvedExample(new float[] {x, y}, new float[] {label}, 1f));
        }
        return new Dataset(examples);
    }

    static ModelSpec spec(int epochs) {
        return new ModelSpec("blobs", Task.classification(2), Input.of(2),
                List.of(Layer.dense(8, "relu"), Layer.dense(2)), null, Optimizer.adam(0.01), null,
                new Training(32, epochs, null, null), null, null);
    }

    final OnnxTrainingEngine engine = new OnnxTrainingEngine();

    @Test
    void trainsAFrozenProgramThatSeparatesTheBlobs() throws Exception {
        var train = blobs(600, 1);
        var steps = new ArrayList<Double>();

        var trained = engine.train(spec(5), train, stats(train), Optional.empty(), 7,
                (epoch, step, loss, speed) -> steps.add(loss));

        var holdout = HoldoutEvaluator.evaluate(trained.frozen(), spec(5), blobs(200, 2));
        assertThat(holdout.accuracy()).isGreaterThan(0.95);
        assertThat(holdout.loss()).isLessThan(0.2);
        assertThat(steps).hasSize(5 * (int) Math.ceil(600 / 32.0));
        assertThat(steps.get(steps.size() - 1)).isLessThan(steps.get(0));
    }

    @Test
    void aWarmStartBeginsWhereTheTrainedModelEnded() throws Exception {
        var train = blobs(600, 1);
        var first = engine.train(spec(5), train, stats(train), Optional.empty(), 7, (e, s, l, v) -> { });
        var cold = new ArrayList<Double>();
        var warm = new ArrayList<Double>();

        engine.train(spec(1), train, stats(train), Optional.empty(), 8, (e, s, l, v) -> cold.add(l));
        engine.train(spec(1), train, stats(train), Optional.of(first.frozen()), 8, (e, s, l, v) -> warm.add(l));

        assertThat(warm.get(0)).isLessThan(0.2).isLessThan(cold.get(0) / 2);
    }

    private static FeatureStats stats(Dataset data) {
        return FeatureStats.of(data.examples().stream().map(ResolvedExample::features).toList(), 2);
    }
}
