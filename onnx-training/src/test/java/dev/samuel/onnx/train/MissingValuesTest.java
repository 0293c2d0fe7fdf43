package dev.samuel.onnx.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.samuel.contracts.model.Origin;
import dev.samuel.contracts.model.OutputKind;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.onnx.runtime.SessionConfig;
import dev.samuel.onnx.spec.SpecGraphs;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Features the spec lets be missing: the job learns the fills, the graph fills NaNs and reads a "was missing" column
 * per such feature, and the frozen program, given raw rows with NaNs, computes what the training graph computed.
 */
class MissingValuesTest {
    private static final ModelSpec SPEC = ModelSpecs.parse("""
            {"name": "loans", "task": {"type": "classification", "classes": 2},
             "input": {"names": ["income", "debt", "age"], "missing": {"debt": "mean", "age": 40}},
             "layers": [{"dense": 8, "activation": "relu"}, {"dense": 2}],
             "optimizer": {"adam": {"lr": 0.05}}, "init": {"random": {"seed": 7}}}""");

    @Test
    void fillsAreTheMeanOfThePresentValuesOrTheSpecsConstant() {
        float[] x = {1, 2, 30, 3, Float.NaN, Float.NaN, 5, 6, 50};
        var imputation = Imputation.fit(SPEC.input(), Dataset.classification(x, 3, new long[] {0, 1, 0}));

        assertThat(imputation.columns()).containsExactly(1, 2);
        assertThat(imputation.fills()).containsExactly(4f, 40f);
        assertThat(imputation.apply(x, 3)).containsExactly(1, 2, 30, 0, 0, 3, 4, 40, 1, 1, 5, 6, 50, 0, 0);
    }

    @Test
    void theNetworkLearnsFromWhetherAValueWasMissing() {
        // The class is whether debt was reported: no other feature says anything about it.
        Dataset data = rows(400, 11);
        try (TrainingSession s = session(data)) {
            for (int epoch = 0; epoch < 30; epoch++) {
                for (Batch b : data.batches(50)) {
                    assertThat(s.step(b)).as("a NaN reaching the loss would make it NaN").isFinite();
                }
            }
            assertThat(s.evaluate(data).accuracy()).isGreaterThan(0.97);
        }
    }

    @Test
    void theFrozenProgramFillsRawRowsAsTheTrainingGraphDid() throws Exception {
        Dataset data = rows(200, 12);
        try (TrainingSession s = session(data)) {
            for (Batch b : data.batches(50)) {
                s.step(b);
            }
            float[] expected = s.predict(Batch.of(data));
            byte[] frozen = s.freeze(new FreezeMetadata("loans", "abc", OutputKind.PROBABILITIES, Origin.SPEC,
                    Map.of(), Map.of()));

            float[] served = FreezeTest.run(frozen, data, SessionConfig.EXACT);
            for (int i = 0; i < expected.length; i++) {
                assertThat(served[i]).isFinite().isCloseTo(expected[i], within(1e-5f));
            }
        }
    }

    @Test
    void aSpecThatAllowsMissingValuesNeedsTheDatasFills() {
        assertThatThrownBy(() -> SpecGraphs.forward(SPEC, (Standardization) null, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the spec lets features [1, 2] be missing; pass the training data's Imputation");
    }

    private static TrainingSession session(Dataset data) {
        var model = SpecGraphs.forward(SPEC, InputPreparation.fit(SPEC.input(), data), 7);
        return TrainingSession.create(model, SpecGraphs.trainingConfig(SPEC, 7), InitialParameters.random(7));
    }

    /** Income and age noise (age missing one time in five); debt missing exactly for class 1. */
    private static Dataset rows(int n, long seed) {
        var random = new Random(seed);
        float[] x = new float[n * 3];
        long[] classes = new long[n];
        for (int r = 0; r < n; r++) {
            classes[r] = random.nextInt(2);
            x[3 * r] = 1000 + 200 * (float) random.nextGaussian();
            x[3 * r + 1] = classes[r] == 1 ? Float.NaN : 50 * random.nextFloat();
            x[3 * r + 2] = random.nextInt(5) == 0 ? Float.NaN : 20 + random.nextInt(50);
        }
        return Dataset.classification(x, 3, classes);
    }
}
