package dev.samuel.onnx.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.onnx.graph.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checkpoint and restore: the next step is bit-identical, dropout masks and Adam's step count included. */
class CheckpointTest {
    private static final ModelSpec SPEC = Specs.classifier(2,
            "{\"dense\": 16, \"activation\": \"relu\"}, {\"dropout\": 0.5}", 3, "{\"adam\": {\"lr\": 0.01, \"weightDecay\": 0.01}}");

    @Test
    void restoredSessionTakesTheBitIdenticalNextStep() {
        Dataset data = Synthetic.blobs(3, 2, 256, 9);
        Standardization std = Standardization.fit(data);
        List<Batch> batches = data.batches(32);
        Checkpoint saved;
        Map<String, Tensor> expected;
        float expectedLoss;
        try (TrainingSession a = TrainingSession.create(SPEC, std, InitialParameters.random(1))) {
            for (Batch b : batches.subList(0, 5)) {
                a.step(b);
            }
            saved = Checkpoint.fromBytes(a.checkpoint().toBytes());
            expectedLoss = a.step(batches.get(5));
            a.step(batches.get(6));
            expected = a.parameters();
        }
        try (TrainingSession b = TrainingSession.create(SPEC, std, InitialParameters.random(99))) {
            b.restore(saved);
            assertThat(b.steps()).isEqualTo(5);
            assertThat(b.step(batches.get(5))).isEqualTo(expectedLoss);
            b.step(batches.get(6));
            Map<String, Tensor> actual = b.parameters();
            assertThat(actual.keySet()).isEqualTo(expected.keySet());
            expected.forEach((name, t) -> assertThat(actual.get(name).floats()).as(name).containsExactly(t.floats()));
        }
    }

    @Test
    void checkpointHoldsParametersAndOptimizerState() {
        Dataset data = Synthetic.blobs(3, 2, 64, 9);
        try (TrainingSession s = TrainingSession.create(SPEC, Standardization.fit(data), InitialParameters.random(1))) {
            s.step(Batch.of(data));
            Checkpoint c = s.checkpoint();
            assertThat(c.slots()).containsKeys("dense1.weight", "adam.m/dense1.weight", "adam.v/dense2.bias");
            assertThat(c.step()).isEqualTo(1);
            assertThat(c.learningRate()).isEqualTo(0.01);
        }
    }
}
