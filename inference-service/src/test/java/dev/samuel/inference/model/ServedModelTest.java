package dev.samuel.inference.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samuel.contracts.event.Label;
import dev.samuel.contracts.model.Origin;
import dev.samuel.contracts.model.OutputKind;
import dev.samuel.contracts.model.ProgramSignature;
import dev.samuel.contracts.registry.VersionRecord;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.inference.support.OnnxModels;
import dev.samuel.inference.support.Registry;
import dev.samuel.inference.swap.Champions;
import dev.samuel.programs.RowBatch;
import dev.samuel.testkit.onnx.TorchPrograms;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Loading, the probe's verdict on probabilities and logits, and the swap's reference counting, on real ORT. */
class ServedModelTest {

    static final int FEATURES = 3;

    final ModelLoader loader = new ModelLoader(1);

    @Test
    void aBatchInFlightFinishesOnTheOldVersionWhichClosesWhenDrained() throws Exception {
        var champions = new Champions();
        champions.swap(load(1, OnnxModels.favouring(FEATURES, 4, 0)));
        var inFlight = champions.acquire("m").orElseThrow();

        assertThat(champions.swap(load(2, OnnxModels.favouring(FEATURES, 4, 1)))).isEqualTo(1);
        assertThat(inFlight.isClosed()).isFalse();
        assertThat(argMax(score(inFlight, 3000))).isEqualTo(0);
        var current = champions.acquire("m").orElseThrow();
        assertThat(current.version()).isEqualTo(2);
        assertThat(argMax(score(current, 1))).isEqualTo(1);
        current.release();

        inFlight.release();
        assertThat(inFlight.isClosed()).isTrue();
        assertThat(inFlight.tryAcquire()).isFalse();
        champions.clear();
        assertThat(current.isClosed()).isTrue();
        assertThat(champions.acquire("m")).isEmpty();
    }

    @Test
    void logitsAreDetectedAndServedAsProbabilities() throws Exception {
        var probabilities = load(1, OnnxModels.favouring(FEATURES, 4, 2));
        var logits = load(2, OnnxModels.favouringLogits(FEATURES, 4, 2));
        assertThat(probabilities.signature().program().kind()).isEqualTo(OutputKind.PROBABILITIES);
        assertThat(logits.signature().program().kind()).isEqualTo(OutputKind.LOGITS);
        float[] fromLogits = logits.signature().probabilities(score(logits, 1), 0);
        float[] fromSoftmax = probabilities.signature().probabilities(score(probabilities, 1), 0);
        for (int i = 0; i < 4; i++) {
            assertThat(fromLogits[i]).isCloseTo(fromSoftmax[i], org.assertj.core.data.Offset.offset(1e-5f));
        }
        probabilities.retire();
        logits.retire();
    }

    @Test
    void aSignatureTheRegistryRecordedIsServedAsRecorded() throws Exception {
        var binary = ModelSpecs.parse("""
                {"name": "m", "task": {"type": "classification", "classNames": ["no", "yes"]},
                 "input": {"features": 4}, "layers": [{"dense": 1}], "loss": "binary_cross_entropy"}""");
        var program = TorchPrograms.mlp(4, 8, 1, 3, TorchPrograms.Ending.LOGITS);
        var recorded = new VersionRecord("m", 1, Registry.sha256(program), program.length, null, null, Instant.now(),
                new ProgramSignature("x", 4, "logits", 1, OutputKind.LOGITS, Origin.FOREIGN));

        var served = loader.load(binary, recorded, program);

        assertThat(served.signature().program()).isEqualTo(recorded.program());
        var row = new float[] {-0.5f};
        assertThat(served.signature().probabilities(row, 0)[1]).isCloseTo((float) (1 / (1 + Math.exp(0.5))),
                org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(served.signature().prediction(row, 0)).isEqualTo(Label.of("no"));
        served.retire();
        var unrecorded = new VersionRecord("m", 1, Registry.sha256(program), program.length, null, null, Instant.now(),
                null);
        assertThatThrownBy(() -> loader.load(binary, unrecorded, program))
                .hasFieldOrPropertyWithValue("failure", LoadFailure.SHAPE).hasMessageContaining("never guessed");
    }

    @Test
    void refusesCorruptMismatchedAndMisshapenArtifacts() {
        var good = OnnxModels.favouring(FEATURES, 4, 0);
        assertThatThrownBy(() -> loader.load(spec(), record(1, good), "not onnx".getBytes()))
                .hasFieldOrPropertyWithValue("failure", LoadFailure.CHECKSUM);
        assertThatThrownBy(() -> loader.load(spec(), record(1, "not onnx".getBytes()), "not onnx".getBytes()))
                .hasFieldOrPropertyWithValue("failure", LoadFailure.CORRUPT);
        var wide = OnnxModels.favouring(FEATURES + 2, 4, 0);
        assertThatThrownBy(() -> loader.load(spec(), record(1, wide), wide))
                .hasFieldOrPropertyWithValue("failure", LoadFailure.SHAPE).hasMessageContaining("takes 5 features");
        var classes = OnnxModels.favouring(FEATURES, 3, 0);
        assertThatThrownBy(() -> loader.load(spec(), record(1, classes), classes))
                .hasFieldOrPropertyWithValue("failure", LoadFailure.SHAPE).hasMessageContaining("has 3 values per row");
    }

    private ServedModel load(int version, byte[] artifact) throws ModelLoadException {
        return loader.load(spec(), record(version, artifact), artifact);
    }

    private static dev.samuel.contracts.spec.ModelSpec spec() {
        return Registry.classifier("m", FEATURES, 4);
    }

    private static VersionRecord record(int version, byte[] artifact) {
        return new VersionRecord("m", version, Registry.sha256(artifact), artifact.length, null, null, Instant.now(),
                null);
    }

    /** Scores {@code rows} rows (more than the batch's first buffer holds when large) and returns the outputs. */
    private static float[] score(ServedModel model, int rows) throws Exception {
        var batch = new RowBatch();
        batch.reset(FEATURES);
        for (int i = 0; i < rows; i++) {
            batch.add(new float[] {0.5f, -0.5f, i % 2});
        }
        return batch.run(model.program(), model.signature().program()).clone();
    }

    private static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < 4; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
