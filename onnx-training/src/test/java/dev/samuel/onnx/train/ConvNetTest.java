package dev.samuel.onnx.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnx.proto.OnnxMl;
import dev.samuel.contracts.model.OutputKind;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.onnx.runtime.SessionConfig;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A convolutional spec (flat features reshaped to maps, conv, batch norm, max and average pooling, grouped
 * conv, global average pooling) trains, updates its running statistics, and freezes to a forward-only program
 * with BatchNormalization in inference mode that reproduces the training session's evaluation outputs.
 */
class ConvNetTest {
    static final ModelSpec SPEC = ModelSpecs.parse("""
            {"name": "patches", "task": {"type": "classification", "classes": 3},
             "input": {"features": 64, "shape": [1, 8, 8]},
             "layers": [{"conv2d": 4, "kernel": 3, "padding": 1, "activation": "relu"}, {"batch_norm": true},
                        {"max_pool2d": 2}, {"conv2d": 6, "kernel": 3, "padding": 1, "groups": 2, "activation": "relu"},
                        {"avg_pool2d": 2, "stride": 1}, {"global_avg_pool": true}, {"dense": 3}],
             "optimizer": {"adam": {"lr": 0.02}}, "init": {"random": {"seed": 7}}}""");

    /** 8x8 images: noise plus a bright 3x3 patch whose position (one of three) is the class. */
    static Dataset patches(int n, long seed) {
        Random rng = new Random(seed);
        int[][] corners = {{0, 0}, {0, 5}, {5, 2}};
        float[] x = new float[n * 64];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            int c = rng.nextInt(3);
            y[i] = c;
            for (int p = 0; p < 64; p++) {
                x[i * 64 + p] = (float) (0.3 * rng.nextGaussian());
            }
            for (int r = 0; r < 3; r++) {
                for (int q = 0; q < 3; q++) {
                    x[i * 64 + (corners[c][0] + r) * 8 + corners[c][1] + q] += 2f;
                }
            }
        }
        return Dataset.classification(x, 64, y);
    }

    @Test
    void trainsAndFreezesWithRunningStatistics() throws Exception {
        Dataset data = patches(300, 1);
        try (TrainingSession s = TrainingSession.create(SPEC, Standardization.fit(data), InitialParameters.random(7))) {
            float first = 0;
            float last = 0;
            for (int epoch = 0; epoch < 15; epoch++) {
                for (Batch b : data.batches(32)) {
                    last = s.step(b);
                    first = first == 0 ? last : first;
                }
            }
            assertThat(last).isLessThan(first / 2);
            assertThat(s.evaluate(patches(200, 2)).accuracy()).isGreaterThan(0.9);
            float[] runningMean = s.parameters().get("bn1.running_mean").floats();
            float[] runningVar = s.parameters().get("bn1.running_var").floats();
            assertThat(runningMean).as("running mean moved from its initial 0").isNotEqualTo(new float[4]);
            assertThat(runningVar).as("running variance moved from its initial 1").isNotEqualTo(new float[] {1, 1, 1, 1});

            Dataset random = random(50, 3);
            float[] expected = s.predict(Batch.of(random));
            byte[] frozen = s.freeze(FreezeMetadata.ofSpec("patches", "abc", OutputKind.PROBABILITIES));
            Set<String> ops = OnnxMl.ModelProto.parseFrom(frozen).getGraph().getNodeList().stream()
                    .map(OnnxMl.NodeProto::getOpType).collect(Collectors.toSet());
            assertThat(ops).contains("Conv", "BatchNormalization", "MaxPool", "AveragePool", "GlobalAveragePool")
                    .doesNotContain("ReduceMean", "ConvTranspose", "ScatterElements");
            float[] actual = FreezeTest.run(frozen, random, SessionConfig.EXACT);
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).as("score %d", i).isCloseTo(expected[i], within(1e-5f));
            }
        }
    }

    @Test
    void checkpointCarriesRunningStatistics() {
        Dataset data = patches(64, 4);
        try (TrainingSession s = TrainingSession.create(SPEC, Standardization.fit(data), InitialParameters.random(7))) {
            s.step(Batch.of(data));
            Checkpoint c = s.checkpoint();
            assertThat(c.slots()).containsKeys("bn1.running_mean", "bn1.running_var");
            float[] before = s.parameters().get("bn1.running_mean").floats();
            s.step(Batch.of(data));
            s.restore(c);
            assertThat(s.parameters().get("bn1.running_mean").floats()).containsExactly(before);
        }
    }

    @Test
    void batchNormAfterDenseSurvivesABatchOfOne() {
        ModelSpec spec = ModelSpecs.parse("""
                {"name": "bn1d", "task": {"type": "classification", "classes": 3}, "input": {"features": 64},
                 "layers": [{"dense": 8, "activation": "relu"}, {"batch_norm": true}, {"dense": 3}]}""");
        Dataset data = patches(33, 5);
        try (TrainingSession s = TrainingSession.create(spec, Standardization.fit(data), InitialParameters.random(7))) {
            for (Batch b : data.batches(32)) { // 32 rows, then 1
                s.step(b);
            }
            for (float v : s.parameters().get("bn1.running_var").floats()) {
                assertThat(v).isFinite();
            }
        }
    }

    @Test
    void imageInputsAreStandardisedPerChannel() {
        Dataset data = patches(100, 6);
        double sum = 0;
        double sumSq = 0;
        for (float v : data.features()) {
            sum += v;
            sumSq += (double) v * v;
        }
        int n = data.features().length;
        double mean = sum / n;
        double std = Math.sqrt(sumSq / n - mean * mean);
        var graph = dev.samuel.onnx.spec.SpecGraphs.forward(SPEC, Standardization.fit(data), 7).graph();
        for (float m : graph.initializers().get("standardize.mean").floats()) {
            assertThat((double) m).isCloseTo(mean, within(1e-5));
        }
        for (float sd : graph.initializers().get("standardize.std").floats()) {
            assertThat((double) sd).isCloseTo(std, within(1e-4 * std));
        }
    }

    static Dataset random(int n, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[n * 64];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (2 * rng.nextGaussian());
        }
        return Dataset.classification(x, 64, new long[n]);
    }
}
