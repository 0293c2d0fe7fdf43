package dev.samuel.onnx.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import dev.samuel.contracts.model.Origin;
import dev.samuel.contracts.model.OutputKind;
import dev.samuel.onnx.graph.GraphException;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.io.OnnxWriter;
import dev.samuel.onnx.loss.LossKind;
import dev.samuel.onnx.optim.OptimizerConfig;
import dev.samuel.onnx.runtime.SessionConfig;
import dev.samuel.onnx.runtime.Sessions;
import dev.samuel.onnx.train.Batch;
import dev.samuel.onnx.train.Dataset;
import dev.samuel.onnx.train.ForwardModel;
import dev.samuel.onnx.train.FreezeMetadata;
import dev.samuel.onnx.train.InitialParameters;
import dev.samuel.onnx.train.TrainingConfig;
import dev.samuel.onnx.train.TrainingSession;
import dev.samuel.testkit.onnx.TorchPrograms;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OnnxImporterTest {
    private static final TrainingConfig CONFIG =
            TrainingConfig.of(LossKind.SOFTMAX_CROSS_ENTROPY, OptimizerConfig.adam(), 0.01);

    @Test
    void importedModelComputesWhatTheOriginalComputes() throws Exception {
        byte[] original = TorchPrograms.mlpTimesConstant(4, 8, 3, 1);
        ForwardModel model = OnnxImporter.read(original, OnnxImporter.OutputActivation.NONE);
        assertThat(model.parameters()).containsExactly("0.weight", "0.bias", "2.weight", "2.bias");
        Dataset data = blobs(64, 4, 3, 2);
        try (TrainingSession s = TrainingSession.create(model, CONFIG, InitialParameters.fromModel())) {
            assertThat(s.predict(Batch.of(data))).containsExactly(run(original, data, "x"));
        }
    }

    @Test
    void importedModelFineTunesWithAFrozenFirstLayer() throws Exception {
        ForwardModel model = OnnxImporter.read(TorchPrograms.mlpTimesConstant(4, 16, 3, 1), OnnxImporter.OutputActivation.SOFTMAX);
        Dataset data = blobs(600, 4, 3, 3);
        try (TrainingSession s = TrainingSession.create(model, CONFIG,
                InitialParameters.fromModel().withFrozen(Set.of("0.weight", "0.bias")))) {
            Map<String, Tensor> before = s.parameters();
            for (int e = 0; e < 10; e++) {
                data.batches(32).forEach(s::step);
            }
            assertThat(s.evaluate(data).accuracy()).isGreaterThan(0.9);
            assertThat(s.parameters().get("0.weight").floats()).containsExactly(before.get("0.weight").floats());
            assertThat(s.parameters().get("2.weight").floats()).isNotEqualTo(before.get("2.weight").floats());
            byte[] frozen = s.freeze(new FreezeMetadata("imported", "-", OutputKind.PROBABILITIES, Origin.FOREIGN, Map.of(),
                    Map.of("source", "pytorch")));
            float[] scores = run(frozen, data, "x");
            assertThat(scores).containsExactly(s.predict(Batch.of(data)));
            Map<String, Tensor> stored = OnnxImporter.initializers(frozen);
            s.parameters().forEach((name, t) -> assertThat(stored.get(name).floats()).as(name).containsExactly(t.floats()));
        }
    }

    @Test
    void aTrainableProgramKeepsItsOutputAndTheLossReadsItsLogits() throws Exception {
        byte[] logits = TorchPrograms.mlpTimesConstant(4, 16, 3, 1);
        byte[] softmax = TorchPrograms.withSoftmax(logits);

        ForwardModel asLogits = OnnxImporter.trainable(logits, OutputKind.LOGITS);
        ForwardModel asProbabilities = OnnxImporter.trainable(softmax, OutputKind.PROBABILITIES);

        assertThat(asLogits.logits()).isEqualTo(asLogits.output()).isEqualTo("logits");
        assertThat(asProbabilities.output()).isEqualTo("probabilities");
        assertThat(asProbabilities.logits()).isEqualTo("logits");
        assertThatThrownBy(() -> OnnxImporter.trainable(logits, OutputKind.PROBABILITIES))
                .isInstanceOf(GraphException.class).hasMessageContaining("not a Softmax");
    }

    @Test
    void trainedParametersGoBackIntoTheProgramTheyCameFrom() throws Exception {
        byte[] original = TorchPrograms.mlpTimesConstant(4, 16, 3, 1);
        Dataset data = blobs(300, 4, 3, 3);
        try (TrainingSession s = TrainingSession.create(OnnxImporter.trainable(original, OutputKind.LOGITS), CONFIG,
                InitialParameters.fromModel())) {
            data.batches(32).forEach(s::step);

            byte[] trained = OnnxWriter.withInitializers(original, s.parameters());

            assertThat(run(trained, data, "x")).containsExactly(s.predict(Batch.of(data)));
            assertThat(trained.length).isEqualTo(original.length);
            assertThatThrownBy(() -> OnnxWriter.withInitializers(original, Map.of("nope", s.parameters().get("0.bias"))))
                    .hasMessageContaining("no initializers [nope]");
        }
    }

    @Test
    void importedConvNetTrainsUpdatesRunningStatisticsAndFreezes() throws Exception {
        byte[] original = TorchPrograms.cnn(3, false);
        ForwardModel model = OnnxImporter.read(original, OnnxImporter.OutputActivation.SOFTMAX);
        Dataset data = blobs(300, 64, 3, 4);
        try (TrainingSession s = TrainingSession.create(model, CONFIG, InitialParameters.fromModel())) {
            float[] logitsBefore = run(TorchPrograms.cnn(3, false), data, "x");
            assertThat(logitsBefore).hasSize(300 * 3);
            double lossBefore = s.evaluate(data).loss();
            for (int e = 0; e < 5; e++) {
                data.batches(32).forEach(s::step);
            }
            assertThat(s.evaluate(data).loss()).isLessThan(lossBefore / 2);
            assertThat(s.parameters().get("bn.running_mean").floats()).isNotEqualTo(new float[4]);
            byte[] frozen = s.freeze(new FreezeMetadata("imported-cnn", "-", OutputKind.PROBABILITIES, Origin.FOREIGN, Map.of(), Map.of("source", "pytorch")));
            float[] scores = run(frozen, data, "x");
            float[] expected = s.predict(Batch.of(data));
            for (int i = 0; i < expected.length; i++) {
                assertThat(scores[i]).isCloseTo(expected[i], org.assertj.core.api.Assertions.within(1e-5f));
            }
            assertThat(OnnxImporter.initializers(frozen).get("bn.running_var").floats())
                    .containsExactly(s.parameters().get("bn.running_var").floats());
        }
    }

    @Test
    void anImageInputIsReadFromFlatFeatures() throws Exception {
        byte[] original = TorchPrograms.cnn(5, true);
        ForwardModel model = OnnxImporter.read(original, OnnxImporter.OutputActivation.NONE);
        assertThat(model.inputValue().shape().dims()).containsExactly(-1, 64);
        Dataset data = blobs(20, 64, 3, 6);
        float[] expected;
        try (OrtSession session = Sessions.open(original, SessionConfig.EXACT);
             OnnxTensor x = OnnxTensor.createTensor(Sessions.env(), FloatBuffer.wrap(data.features()), new long[] {20, 1, 8, 8});
             OrtSession.Result r = session.run(Map.of("x", x))) {
            FloatBuffer out = ((OnnxTensor) r.get(0)).getFloatBuffer();
            expected = new float[out.remaining()];
            out.get(expected);
        }
        try (TrainingSession s = TrainingSession.create(model, CONFIG, InitialParameters.fromModel())) {
            // not bit for bit: ORT folds BatchNormalization into the Conv when its statistics are initializers
            assertThat(s.predict(Batch.of(data))).containsExactly(expected, org.assertj.core.api.Assertions.within(1e-5f));
            data.batches(10).forEach(s::step);
            byte[] frozen = s.freeze(new FreezeMetadata("imported-cnn", "-", OutputKind.PROBABILITIES, Origin.FOREIGN, Map.of(), Map.of()));
            assertThat(run(frozen, data, "x")).containsExactly(s.predict(Batch.of(data)),
                    org.assertj.core.api.Assertions.within(1e-5f));
        }
    }

    @Test
    void unsupportedOpsAreListedInOneError() {
        assertThatThrownBy(() -> OnnxImporter.read(TorchPrograms.unsupported(), OnnxImporter.OutputActivation.NONE))
                .isInstanceOf(GraphException.class)
                .hasMessageContaining("cannot train: LpPool, Resize");
    }

    @Test
    void garbageIsRefusedClearly() {
        assertThatThrownBy(() -> OnnxImporter.read(new byte[] {1, 2, 3, 4}, OnnxImporter.OutputActivation.NONE))
                .isInstanceOf(GraphException.class);
    }

    static Dataset blobs(int n, int d, int k, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[n * d];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(k);
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) ((j == y[i] ? 3 : 0) + rng.nextGaussian());
            }
        }
        return Dataset.classification(x, d, y);
    }

    static float[] run(byte[] model, Dataset data, String input) throws Exception {
        try (OrtSession session = Sessions.open(model, SessionConfig.EXACT);
             OnnxTensor x = OnnxTensor.createTensor(Sessions.env(), FloatBuffer.wrap(data.features()),
                     new long[] {data.rows(), data.featureCount()});
             OrtSession.Result r = session.run(Map.of(input, x))) {
            FloatBuffer out = ((OnnxTensor) r.get(0)).getFloatBuffer();
            float[] values = new float[out.remaining()];
            out.get(values);
            return values;
        }
    }
}
