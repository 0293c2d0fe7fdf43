package dev.samuel.onnx.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import dev.samuel.contracts.model.OutputKind;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.imports.OnnxImporter;
import dev.samuel.onnx.loss.LossKind;
import dev.samuel.onnx.optim.OptimizerConfig;
import dev.samuel.onnx.runtime.SessionConfig;
import dev.samuel.onnx.spec.SpecGraphs;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Freezing folds the input standardisation into the first dense layer (FreezeOptions.DEFAULT): the folded
 * program computes what the unfolded one computes, within 1e-5 relative, starts with the Gemm, and still carries
 * the trained parameters for warm starts; graphs without the pattern are frozen unchanged.
 */
class StandardizationFoldTest {
    /** |folded - unfolded| <= TOLERANCE * max(1, |unfolded|), element by element. */
    private static final double TOLERANCE = 1e-5;
    private static final FreezeMetadata META = FreezeMetadata.ofSpec("fold", "-", OutputKind.PROBABILITIES);
    private static final String HIDDEN = "{\"dense\": 16, \"activation\": \"relu\"}, {\"dense\": 8, \"activation\": \"tanh\"}";
    private static final int FEATURES = 6;

    @Test
    void foldedClassifierScoresEqualTheUnfoldedOnes() throws Exception {
        ModelSpec spec = Specs.classifier(FEATURES, HIDDEN, 3, "{\"adam\": {\"lr\": 0.01}}");
        Dataset train = scaled(VARIED, 600, 1, 1, true, false);
        Dataset raw = scaled(VARIED, 500, 2, 3, false, false);
        assertFoldWithin(spec, train, raw, TOLERANCE);
    }

    @Test
    void foldedRegressorOutputsEqualTheUnfoldedOnes() throws Exception {
        ModelSpec spec = Specs.regressor(FEATURES, HIDDEN, 2, "mse", "{\"adam\": {\"lr\": 0.01}}");
        Dataset train = scaled(VARIED, 600, 3, 1, true, true);
        Dataset raw = scaled(VARIED, 500, 4, 3, false, true);
        assertFoldWithin(spec, train, raw, TOLERANCE);
    }

    @Test
    void aLargeOffsetCostsDigitsInProportion() throws Exception {
        // x W' + b' adds terms of about |mean| / std times the standardised ones, then cancels them against b':
        // float rounding grows by that factor, here 200 (a year, 2000 +- 10), to about 200 * 2^-24 = 1.2e-5. The
        // raw year itself has no finer resolution: one float step at 2000 is 1.2e-4, 1.2e-5 once divided by std.
        ModelSpec spec = Specs.regressor(FEATURES, HIDDEN, 2, "mse", "{\"adam\": {\"lr\": 0.01}}");
        Dataset train = scaled(YEAR, 600, 3, 1, true, true);
        Dataset raw = scaled(YEAR, 500, 4, 3, false, true);
        assertFoldWithin(spec, train, raw, 1e-4);
    }

    @Test
    void aFoldedProgramImportsWithoutTheTrainedCopies() {
        ModelSpec spec = Specs.classifier(FEATURES, HIDDEN, 3, "{\"adam\": {\"lr\": 0.01}}");
        Dataset train = scaled(VARIED, 300, 9, 1, true, false);
        byte[] folded;
        float[] expected;
        try (TrainingSession s = TrainingSession.create(spec, Standardization.fit(train), InitialParameters.random(5))) {
            train.batches(50).forEach(s::step);
            folded = s.freeze(META);
            expected = s.predict(Batch.of(train));
        }
        ForwardModel imported = OnnxImporter.read(folded, OnnxImporter.OutputActivation.NONE);
        // The trained dense1.weight and dense1.bias kept for warm starts are read by no node: not parameters.
        assertThat(imported.parameters()).contains("dense1.weight/folded").doesNotContain("dense1.weight", "dense1.bias");
        TrainingConfig config = TrainingConfig.of(LossKind.SOFTMAX_CROSS_ENTROPY, OptimizerConfig.sgd(), 1e-3);
        try (TrainingSession s = TrainingSession.create(imported, config, InitialParameters.fromModel())) {
            float[] scores = s.predict(Batch.of(train));
            for (int i = 0; i < expected.length; i++) {
                assertThat((double) Math.abs(scores[i] - expected[i])).isLessThanOrEqualTo(TOLERANCE);
            }
            assertThat(s.step(train.batch(0, 50))).isFinite();
        }
    }

    /** Trains a few steps, freezes both ways, scores the raw rows (prepacking off in both, so only the fold differs). */
    private static void assertFoldWithin(ModelSpec spec, Dataset train, Dataset raw, double tolerance) throws Exception {
        Standardization standardization = Standardization.fit(train);
        assertThat(standardization.std()[4]).as("the constant feature's std is sanitised to 1").isEqualTo(1f);
        try (TrainingSession s = TrainingSession.create(spec, standardization, InitialParameters.random(5))) {
            for (Batch b : train.batches(50)) {
                s.step(b);
            }
            byte[] unfolded = s.freeze(META, FreezeOptions.AS_TRAINED);
            byte[] folded = s.freeze(META);
            assertThat(FreezeTest.run(unfolded, train, SessionConfig.EXACT)).as("unfolded: the training forward pass")
                    .containsExactly(s.predict(Batch.of(train)));

            float[] expected = FreezeTest.run(unfolded, raw, SessionConfig.EXACT);
            float[] actual = FreezeTest.run(folded, raw, SessionConfig.EXACT);
            double worst = 0;
            for (int i = 0; i < expected.length; i++) {
                worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i])));
            }
            assertThat(worst).as("largest relative difference, folded vs unfolded").isLessThanOrEqualTo(tolerance);
            assertThat(Arrays.equals(actual, expected)).as("the fold changed the arithmetic at all").isFalse();
        }
    }

    @Test
    void foldedGraphStartsWithTheGemmAndKeepsTheTrainedParameters() throws Exception {
        ModelSpec spec = Specs.classifier(FEATURES, HIDDEN, 3, "{\"adam\": {\"lr\": 0.01}}");
        Dataset train = scaled(VARIED, 300, 5, 1, true, false);
        try (TrainingSession s = TrainingSession.create(spec, Standardization.fit(train), InitialParameters.random(5))) {
            train.batches(50).forEach(s::step);
            byte[] folded = s.freeze(META);
            GraphProto g = ModelProto.parseFrom(folded).getGraph();
            NodeProto first = g.getNode(0);
            assertThat(first.getOpType()).isEqualTo("Gemm");
            assertThat(first.getInputList()).containsExactly(SpecGraphs.INPUT, "dense1.weight/folded", "dense1.bias/folded");
            assertThat(g.getNodeList()).extracting(NodeProto::getOpType).doesNotContain("Sub", "Div");
            Map<String, Tensor> stored = OnnxImporter.initializers(folded);
            assertThat(stored).doesNotContainKeys("standardize.mean", "standardize.std");
            // A warm start reads the parameters by name: they are the trained ones, bit for bit.
            s.parameters().forEach((name, t) -> assertThat(stored.get(name).floats()).as(name).containsExactly(t.floats()));

            Map<String, Tensor> warmStart = new HashMap<>(stored);
            warmStart.keySet().retainAll(s.model().parameters());
            try (TrainingSession warm = TrainingSession.create(spec, Standardization.fit(train),
                    InitialParameters.given(warmStart))) {
                assertThat(warm.predict(Batch.of(train))).containsExactly(s.predict(Batch.of(train)));
            }
        }
    }

    @Test
    void theFoldIsTheDefaultOfTheSession() {
        ModelSpec spec = Specs.classifier(FEATURES, HIDDEN, 3, "{\"adam\": {\"lr\": 0.01}}");
        Dataset train = scaled(VARIED, 100, 6, 1, true, false);
        try (TrainingSession s = TrainingSession.create(spec, Standardization.fit(train), InitialParameters.random(5))) {
            assertThat(s.freeze(META)).isEqualTo(s.freeze(META, FreezeOptions.DEFAULT))
                    .isNotEqualTo(s.freeze(META, FreezeOptions.AS_TRAINED));
        }
    }

    @Test
    void withoutStandardisationTheGraphIsFrozenAsItIs() {
        ModelSpec spec = ModelSpecs.parse("""
                {"name": "raw", "task": {"type": "classification", "classes": 3}, "input": {"features": 6, "standardize": false},
                 "layers": [{"dense": 8, "activation": "relu"}, {"dense": 3}], "optimizer": {"sgd": {"lr": 0.1}}}
                """);
        assertFrozenAsItIs(spec, null);
    }

    @Test
    void aFirstLayerOtherThanAGemmIsFrozenAsItIs() {
        ModelSpec spec = ModelSpecs.parse("""
                {"name": "dropout-first", "task": {"type": "classification", "classes": 3}, "input": {"features": 6},
                 "layers": [{"dropout": 0.2}, {"dense": 8, "activation": "relu"}, {"dense": 3}], "optimizer": {"sgd": {"lr": 0.1}}}
                """);
        assertFrozenAsItIs(spec, Standardization.fit(scaled(VARIED, 100, 7, 1, true, false)));
    }

    @Test
    void aZeroNonFiniteOrSubnormalStdIsNotFolded() {
        // Standardization.fit never gives these (a constant feature gets std 1); a hand-made one may. With the
        // smallest subnormal std, W / std is beyond float range.
        ModelSpec spec = Specs.classifier(FEATURES, HIDDEN, 3, "{\"sgd\": {\"lr\": 0.1}}");
        float[] mean = new float[FEATURES];
        for (float bad : new float[] {0f, Float.NaN, Float.POSITIVE_INFINITY, Float.MIN_VALUE}) {
            float[] std = {1, 2, 3, bad, 1, 1};
            assertFrozenAsItIs(spec, new Standardization(mean, std));
        }
    }

    @Test
    void anImportedModelIsFrozenAsItIs() {
        // A frozen spec program imported back: its Sub/Div constants became trainable parameters, so it is no
        // standardisation of ours any more.
        ModelSpec spec = Specs.classifier(FEATURES, HIDDEN, 3, "{\"adam\": {\"lr\": 0.01}}");
        Dataset train = scaled(VARIED, 200, 8, 1, true, false);
        byte[] program;
        try (TrainingSession s = TrainingSession.create(spec, Standardization.fit(train), InitialParameters.random(5))) {
            program = s.freeze(META, FreezeOptions.AS_TRAINED);
        }
        ForwardModel imported = OnnxImporter.read(program, OnnxImporter.OutputActivation.NONE);
        assertThat(imported.parameters()).contains("standardize.mean", "standardize.std");
        TrainingConfig config = TrainingConfig.of(LossKind.SOFTMAX_CROSS_ENTROPY, OptimizerConfig.adam(), 0.01);
        try (TrainingSession s = TrainingSession.create(imported, config, InitialParameters.fromModel())) {
            train.batches(50).forEach(s::step);
            assertThat(s.freeze(META)).isEqualTo(s.freeze(META, FreezeOptions.AS_TRAINED));
        }
    }

    private static void assertFrozenAsItIs(ModelSpec spec, Standardization standardization) {
        try (TrainingSession s = TrainingSession.create(spec, standardization, InitialParameters.random(5))) {
            assertThat(s.freeze(META)).isEqualTo(s.freeze(META, FreezeOptions.AS_TRAINED));
        }
    }

    /** Per feature: value = offset + spread * N(0, 1) * widen. */
    private record Scales(double[] offset, double[] spread) {
    }

    /**
     * Very different scales: spread 1e-3 around 2e-3, 1 around -3, 1e3 around 5e3, 1e5 around 0, a constant 7
     * (std 0, sanitised to 1; it varies in rows drawn for scoring) and 0.1 around 0.5.
     */
    private static final Scales VARIED = new Scales(new double[] {2e-3, -3, 5e3, 0, 7, 0.5},
            new double[] {1e-3, 1, 1e3, 1e5, 0, 0.1});
    /** As VARIED, the last feature a year: 10 around 2000 (|mean| / std = 200). */
    private static final Scales YEAR = new Scales(new double[] {2e-3, -3, 5e3, 0, 7, 2000},
            new double[] {1e-3, 1, 1e3, 1e5, 0, 10});

    /**
     * Rows of raw features ({@code training}: the constant feature constant); classes from the signs of the
     * standard normal draws z, or as a regression two targets, z0 + z1 and z2 - 0.5 z5.
     */
    private static Dataset scaled(Scales scales, int n, long seed, double widen, boolean training, boolean regression) {
        Random rng = new Random(seed);
        float[] x = new float[n * FEATURES];
        long[] y = new long[n];
        float[] t = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double[] z = new double[FEATURES];
            for (int j = 0; j < FEATURES; j++) {
                z[j] = rng.nextGaussian() * widen;
                double s = scales.spread()[j] == 0 && !training ? 1 : scales.spread()[j];
                x[i * FEATURES + j] = (float) (scales.offset()[j] + s * z[j]);
            }
            y[i] = z[0] + z[1] > 0 ? 0 : z[2] - z[5] > 0 ? 1 : 2;
            t[2 * i] = (float) (z[0] + z[1]);
            t[2 * i + 1] = (float) (z[2] - 0.5 * z[5]);
        }
        return regression ? Dataset.regression(x, FEATURES, t, 2) : Dataset.classification(x, FEATURES, y);
    }
}
