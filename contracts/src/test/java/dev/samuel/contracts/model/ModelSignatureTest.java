package dev.samuel.contracts.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.samuel.contracts.event.Label;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.ModelSpecs;
import org.junit.jupiter.api.Test;

class ModelSignatureTest {

    static ModelSpec spec(String task, String loss, int lastLayer) {
        return ModelSpecs.parse("""
                {"name": "m", "task": %s, "input": {"features": 3}, "layers": [{"dense": %d}]%s}"""
                .formatted(task, lastLayer, loss == null ? "" : ", \"loss\": \"" + loss + "\""));
    }

    static final ModelSpec THREE_CLASSES = spec("{\"type\": \"classification\", \"classNames\": [\"a\", \"b\", \"c\"]}",
            null, 3);
    static final ModelSpec BINARY = spec("{\"type\": \"classification\", \"classes\": 2}", "binary_cross_entropy", 1);
    static final ModelSpec REGRESSION = spec("{\"type\": \"regression\", \"outputs\": 2}", null, 2);

    static ProgramSignature program(int width, OutputKind kind) {
        return new ProgramSignature("x", 3, "out", width, kind, Origin.FOREIGN);
    }

    @Test
    void crossEntropyOfLogitsIsPyTorchsCrossEntropyLoss() {
        var signature = ModelSignature.of(THREE_CLASSES, program(3, OutputKind.LOGITS));
        float[] logits = {2.0f, -1.0f, 0.5f, 30f, -30f, 0f};

        // torch.nn.functional.cross_entropy(z, y) = logsumexp(z) - z[y], here for rows (z, 0) and (z', 2)
        double first = Math.log(Math.exp(2.0) + Math.exp(-1.0) + Math.exp(0.5)) - 2.0;
        double second = 30 + Math.log(1 + Math.exp(-60) + Math.exp(-30)) - 0;
        assertThat(signature.loss(logits, 0, new float[] {0})).isCloseTo(first, within(1e-12));
        assertThat(signature.loss(logits, 1, new float[] {2})).isCloseTo(second, within(1e-9));
        assertThat(Double.isFinite(signature.loss(logits, 1, new float[] {1}))).isTrue();
    }

    @Test
    void logitsAndTheirSoftmaxGiveTheSameLossProbabilitiesAndPrediction() {
        float[] logits = {0.3f, 1.7f, -0.4f};
        var fromLogits = ModelSignature.of(THREE_CLASSES, program(3, OutputKind.LOGITS));
        var probabilities = fromLogits.probabilities(logits, 0);
        var fromProbabilities = ModelSignature.of(THREE_CLASSES, program(3, OutputKind.PROBABILITIES));

        assertThat(probabilities[0] + probabilities[1] + probabilities[2]).isCloseTo(1f, within(1e-6f));
        for (int label = 0; label < 3; label++) {
            assertThat(fromProbabilities.loss(probabilities, 0, new float[] {label}))
                    .isCloseTo(fromLogits.loss(logits, 0, new float[] {label}), within(1e-6));
        }
        assertThat(fromLogits.prediction(logits, 0)).isEqualTo(Label.of("b"));
        assertThat(fromProbabilities.prediction(probabilities, 0)).isEqualTo(Label.of("b"));
        assertThat(fromProbabilities.probabilities(probabilities, 0)).containsExactly(probabilities);
    }

    @Test
    void oneOutputIsTheSecondClassAsALogitOrAProbability() {
        var logit = ModelSignature.of(BINARY, program(1, OutputKind.LOGITS));
        var probability = ModelSignature.of(BINARY, program(1, OutputKind.PROBABILITIES));
        float[] z = {1.5f, -2f};
        float[] p = {(float) (1 / (1 + Math.exp(-1.5))), (float) (1 / (1 + Math.exp(2)))};

        // binary cross-entropy with logits: max(z, 0) - z y + log(1 + e^-|z|)
        assertThat(logit.loss(z, 0, new float[] {1})).isCloseTo(Math.log1p(Math.exp(-1.5)), within(1e-12));
        assertThat(logit.loss(z, 1, new float[] {0})).isCloseTo(Math.log1p(Math.exp(-2)), within(1e-12));
        assertThat(probability.loss(p, 0, new float[] {1})).isCloseTo(logit.loss(z, 0, new float[] {1}), within(1e-7));
        assertThat(probability.loss(p, 1, new float[] {0})).isCloseTo(logit.loss(z, 1, new float[] {0}), within(1e-7));
        assertThat(logit.probabilities(z, 0)).containsExactly(new float[] {1 - p[0], p[0]}, within(1e-6f));
        assertThat(logit.predictedClass(z, 0)).isEqualTo(1);
        assertThat(logit.predictedClass(z, 1)).isZero();
        assertThat(probability.predictedClass(new float[] {0.5f}, 0)).as("a tie is the first class").isZero();
        assertThat(probability.isCorrect(p, 1, new float[] {0})).isTrue();
    }

    @Test
    void aConfidentlyWrongProbabilityHasALargeFiniteLoss() {
        var signature = ModelSignature.of(THREE_CLASSES, program(3, OutputKind.PROBABILITIES));

        assertThat(signature.loss(new float[] {1, 0, 0}, 0, new float[] {2})).isCloseTo(-Math.log(1e-12), within(1e-9));
    }

    @Test
    void regressionPredictsItsValuesAndLosesTheirMeanSquaredError() {
        var signature = ModelSignature.of(REGRESSION, program(2, OutputKind.VALUES));
        float[] values = {1f, 2f, 3f, 5f};

        assertThat(signature.loss(values, 1, new float[] {4f, 1f})).isEqualTo((1.0 + 16.0) / 2);
        assertThat(signature.prediction(values, 1)).isEqualTo(Label.of(3f, 5f));
        assertThatThrownBy(() -> signature.probabilities(values, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aProgramThatDoesNotFitTheSpecIsRefusedWithBothNamed() {
        assertThatThrownBy(() -> ModelSignature.of(THREE_CLASSES, new ProgramSignature("x", 784, "out", 3,
                OutputKind.LOGITS, Origin.FOREIGN)))
                .isInstanceOf(SignatureMismatchException.class)
                .hasMessageContaining("'x' takes 784 features").hasMessageContaining("spec of m has 3");
        assertThatThrownBy(() -> ModelSignature.of(THREE_CLASSES, program(10, OutputKind.LOGITS)))
                .hasMessageContaining("'out' has 10 values per row").hasMessageContaining("needs 3 (task.classes 3)");
        assertThatThrownBy(() -> ModelSignature.of(BINARY, program(2, OutputKind.PROBABILITIES)))
                .hasMessageContaining("needs 1 (loss binary_cross_entropy");
        assertThatThrownBy(() -> ModelSignature.of(REGRESSION, program(2, OutputKind.LOGITS)))
                .hasMessageContaining("holds logits; a regression needs values");
        assertThatThrownBy(() -> ModelSignature.of(THREE_CLASSES, program(3, OutputKind.VALUES)))
                .hasMessageContaining("a classification needs probabilities or logits");
    }

    @Test
    void metadataSaysTheKindAndWhoseNetworkItIsAlsoInTheOlderForm() {
        assertThat(ProgramMetadata.outputKind(java.util.Map.of("samuel.scores", "probabilities")))
                .contains(OutputKind.PROBABILITIES);
        assertThat(ProgramMetadata.outputKind(java.util.Map.of(ProgramMetadata.OUTPUT_KIND, "logits")))
                .contains(OutputKind.LOGITS);
        assertThat(ProgramMetadata.outputKind(java.util.Map.of())).isEmpty();
        assertThat(ProgramMetadata.origin(java.util.Map.of(ProgramMetadata.SPEC_HASH, "ab"))).isEqualTo(Origin.SPEC);
        assertThat(ProgramMetadata.origin(java.util.Map.of(ProgramMetadata.SPEC_HASH, "ab", ProgramMetadata.ORIGIN,
                "foreign"))).isEqualTo(Origin.FOREIGN);
        assertThat(ProgramMetadata.origin(java.util.Map.of())).isEqualTo(Origin.FOREIGN);
    }
}
