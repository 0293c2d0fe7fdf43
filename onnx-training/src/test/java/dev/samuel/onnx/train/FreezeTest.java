package dev.samuel.onnx.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import dev.samuel.contracts.model.Origin;
import dev.samuel.contracts.model.OutputKind;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.onnx.runtime.SessionConfig;
import dev.samuel.onnx.runtime.Sessions;
import dev.samuel.onnx.spec.SpecGraphs;
import java.nio.FloatBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A frozen model, reloaded in a fresh ORT session, computes what the training session's forward pass computed. */
class FreezeTest {
    private static final ModelSpec SPEC = Specs.classifier(2,
            "{\"dense\": 16, \"activation\": \"leaky_relu\"}, {\"dropout\": 0.3}, {\"dense\": 8, \"activation\": \"sigmoid\"}",
            3, "{\"adam\": {\"lr\": 0.01}}");

    @Test
    void frozenModelReproducesTheTrainingForwardPass() throws Exception {
        Dataset data = Synthetic.blobs(3, 2, 300, 5);
        try (TrainingSession s = TrainingSession.create(SPEC, Standardization.fit(data), InitialParameters.random(3))) {
            for (Batch b : data.batches(50)) {
                s.step(b);
            }
            float[] expected = s.predict(Batch.of(data));
            // AS_TRAINED: the training forward graph itself (the shipped default folds the standardisation into
            // the first layer, equal within 1e-5: StandardizationFoldTest).
            byte[] frozen = s.freeze(new FreezeMetadata("blobs", "abc123", OutputKind.PROBABILITIES, Origin.SPEC,
                    Map.of("test_loss", 0.25), Map.of("train_offsets", "0:0-299")), FreezeOptions.AS_TRAINED);

            float[] exact = run(frozen, data, SessionConfig.EXACT);
            assertThat(exact).as("prepacking off: bit for bit").containsExactly(expected);
            float[] prepacked = run(frozen, data, SessionConfig.DEFAULT);
            for (int i = 0; i < expected.length; i++) {
                assertThat(prepacked[i]).isCloseTo(expected[i], within(1e-5f));
            }
        }
    }

    @Test
    void frozenModelCarriesItsMetadataAndTakesRawFeatures() throws Exception {
        Dataset data = Synthetic.blobs(3, 2, 100, 6);
        try (TrainingSession s = TrainingSession.create(SPEC, Standardization.fit(data), InitialParameters.random(3))) {
            byte[] frozen = s.freeze(new FreezeMetadata("blobs", "abc123", OutputKind.PROBABILITIES, Origin.SPEC,
                    Map.of("test_loss", 0.25), Map.of("parent", "blobs@3")).with("samuel.input_summary", "{}")
                    .with("samuel.model", "not the model"));
            try (OrtSession session = Sessions.open(frozen)) {
                Map<String, String> props = session.getMetadata().getCustomMetadata();
                assertThat(props).containsEntry("samuel.model", "blobs").containsEntry("samuel.spec_hash", "abc123")
                        .containsEntry("samuel.metric.test_loss", "0.25").containsEntry("samuel.lineage.parent", "blobs@3")
                        .containsEntry("samuel.output_kind", "probabilities").containsEntry("samuel.origin", "spec")
                        .containsEntry("samuel.input_summary", "{}");
                assertThat(session.getInputNames()).containsExactly(SpecGraphs.INPUT);
                assertThat(session.getOutputNames()).containsExactly(SpecGraphs.SCORES);
            }
            float[] scores = run(frozen, data, SessionConfig.EXACT);
            for (int r = 0; r < data.rows(); r++) {
                assertThat(scores[3 * r] + scores[3 * r + 1] + scores[3 * r + 2]).isCloseTo(1f, within(1e-5f));
            }
        }
    }

    static float[] run(byte[] model, Dataset data, SessionConfig config) throws Exception {
        try (OrtSession session = Sessions.open(model, config);
             OnnxTensor x = OnnxTensor.createTensor(Sessions.env(), FloatBuffer.wrap(data.features()),
                     new long[] {data.rows(), data.featureCount()});
             OrtSession.Result r = session.run(Map.of(SpecGraphs.INPUT, x))) {
            FloatBuffer out = ((OnnxTensor) r.get(0)).getFloatBuffer();
            float[] values = new float[out.remaining()];
            out.get(values);
            return values;
        }
    }
}
