package dev.samuel.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import dev.samuel.contracts.model.ModelSignature;
import dev.samuel.contracts.model.Origin;
import dev.samuel.contracts.model.OutputKind;
import dev.samuel.contracts.model.ProgramMetadata;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.onnx.train.Dataset;
import dev.samuel.onnx.train.FreezeMetadata;
import dev.samuel.onnx.train.InitialParameters;
import dev.samuel.onnx.train.Standardization;
import dev.samuel.onnx.train.TrainingSession;
import dev.samuel.programs.ProgramRefusedException.Reason;
import dev.samuel.testkit.onnx.SklearnPrograms;
import dev.samuel.testkit.onnx.TorchPrograms.Ending;
import dev.samuel.testkit.onnx.TorchPrograms;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

class ProgramReaderTest {

    static ModelSpec spec(String task, int features, int last, String loss) {
        return ModelSpecs.parse("""
                {"name": "m", "task": %s, "input": {"features": %d}, "layers": [{"dense": 8, "activation": "relu"},
                 {"dense": %d}]%s}""".formatted(task, features, last, loss == null ? "" : ", \"loss\": \"" + loss + "\""));
    }

    static final ModelSpec CLASSES = spec("{\"type\": \"classification\", \"classes\": 3}", 4, 3, null);
    static final ModelSpec BINARY = spec("{\"type\": \"classification\", \"classes\": 2}", 4, 1, "binary_cross_entropy");
    static final ModelSpec REGRESSION = spec("{\"type\": \"regression\", \"outputs\": 2}", 4, 2, null);

    static ModelSignature read(byte[] program, ModelSpec spec, OutputKind declared) {
        try (var opened = Program.open(program, 1)) {
            return ProgramReader.read(opened, spec, Optional.ofNullable(declared));
        }
    }

    @Test
    void aPyTorchExportWithLogitsIsForeignAndItsKindIsProbed() {
        var signature = read(TorchPrograms.mlp(4, 8, 3, 1, Ending.LOGITS), CLASSES, null).program();

        assertThat(signature.input()).isEqualTo("x");
        assertThat(signature.features()).isEqualTo(4);
        assertThat(signature.output()).isEqualTo("logits");
        assertThat(signature.width()).isEqualTo(3);
        assertThat(signature.kind()).isEqualTo(OutputKind.LOGITS);
        assertThat(signature.origin()).isEqualTo(Origin.FOREIGN);
    }

    @Test
    void aSoftmaxEndingIsProbedAsProbabilities() {
        assertThat(read(TorchPrograms.mlp(4, 8, 3, 1, Ending.SOFTMAX), CLASSES, null).program().kind())
                .isEqualTo(OutputKind.PROBABILITIES);
    }

    @Test
    void aClassifiersSingleColumnIsNeverGuessed() {
        var sigmoid = TorchPrograms.mlp(4, 8, 1, 1, Ending.SIGMOID);

        assertRefused(() -> read(sigmoid, BINARY, null), Reason.OUTPUT_KIND, "never guessed: declare it");
        assertThat(read(sigmoid, BINARY, OutputKind.PROBABILITIES).program().kind()).isEqualTo(OutputKind.PROBABILITIES);
        assertThat(read(TorchPrograms.mlp(4, 8, 1, 1, Ending.LOGITS), BINARY, OutputKind.LOGITS).program().kind())
                .isEqualTo(OutputKind.LOGITS);
    }

    @Test
    void aRegressionOutputsValues() {
        assertThat(read(TorchPrograms.mlp(4, 8, 2, 1, Ending.LOGITS), REGRESSION, null).program().kind())
                .isEqualTo(OutputKind.VALUES);
        assertRefused(() -> read(TorchPrograms.mlp(4, 8, 2, 1, Ending.LOGITS), REGRESSION, OutputKind.LOGITS),
                Reason.OUTPUT_MISMATCH, "holds logits; a regression needs values");
    }

    @Test
    void theMetadataDecidesAndADeclarationThatContradictsItIsRefused() {
        var declaredLogits = withMetadata(TorchPrograms.mlp(4, 8, 3, 1, Ending.SOFTMAX),
                Map.of(ProgramMetadata.OUTPUT_KIND, "logits"));

        assertThat(read(declaredLogits, CLASSES, null).program().kind()).isEqualTo(OutputKind.LOGITS);
        assertRefused(() -> read(declaredLogits, CLASSES, OutputKind.PROBABILITIES), Reason.OUTPUT_KIND,
                "metadata says its output holds logits, but probabilities was declared");
    }

    @Test
    void aProgramThatDoesNotFitTheSpecIsRefusedWithBothNamed() {
        assertRefused(() -> read(TorchPrograms.mlp(784, 8, 3, 1, Ending.LOGITS), CLASSES, null), Reason.INPUT_MISMATCH,
                "input 'x' takes 784 features per row; the spec of m has 4 (input.features)");
        assertRefused(() -> read(TorchPrograms.mlp(4, 8, 10, 1, Ending.LOGITS), CLASSES, null), Reason.OUTPUT_MISMATCH,
                "output 'logits' has 10 values per row; the spec of m needs 3 (task.classes 3)");
        assertRefused(() -> read(TorchPrograms.mlp(4, 8, 2, 1, Ending.SOFTMAX), BINARY, null), Reason.OUTPUT_MISMATCH,
                "needs 1 (loss binary_cross_entropy");
    }

    @Test
    void anOnnxMlClassifierIsReadByItsFirstFloatOutput() {
        var signature = read(SklearnPrograms.linearClassifier(4, 3, 2), CLASSES, null).program();

        assertThat(signature.output()).isEqualTo("probabilities");
        assertThat(signature.kind()).isEqualTo(OutputKind.PROBABILITIES);
    }

    @Test
    void aProgramTheTrainerFrozeSaysItsKindAndThatItIsTheSpecs() {
        var data = Dataset.classification(new float[] {0, 1, 2, 3, 4, 5, 6, 7}, 4, new long[] {0, 2});
        try (var session = TrainingSession.create(CLASSES, Standardization.fit(data), InitialParameters.random(1))) {
            var frozen = session.freeze(FreezeMetadata.ofSpec("m", "hash", OutputKind.PROBABILITIES));

            var signature = read(frozen, CLASSES, null).program();

            assertThat(signature.kind()).isEqualTo(OutputKind.PROBABILITIES);
            assertThat(signature.origin()).isEqualTo(Origin.SPEC);
            assertThat(signature.input()).isEqualTo("features");
        }
    }

    @Test
    void aProgramFrozenBeforeSignaturesWereRecordedIsReadByItsOlderMetadata() {
        var data = Dataset.classification(new float[] {0, 1, 2, 3, 4, 5, 6, 7}, 4, new long[] {0, 2});
        try (var session = TrainingSession.create(CLASSES, Standardization.fit(data), InitialParameters.random(1))) {
            // What the trainer wrote before this round: model, version 0, spec hash, and samuel.scores.
            var legacy = withoutKeys(session.freeze(FreezeMetadata.ofSpec("m", "hash", OutputKind.PROBABILITIES)),
                    ProgramMetadata.OUTPUT_KIND, ProgramMetadata.ORIGIN);
            legacy = withMetadata(legacy, Map.of("samuel.scores", "probabilities", ProgramMetadata.VERSION, "0"));

            var signature = read(legacy, CLASSES, null).program();

            assertThat(signature.kind()).isEqualTo(OutputKind.PROBABILITIES);
            assertThat(signature.origin()).isEqualTo(Origin.SPEC);
        }
    }

    @Test
    void bytesThatAreNoProgramAreNotLoadable() {
        assertRefused(() -> Program.open(new byte[] {1, 2, 3}, 1), Reason.NOT_LOADABLE, "cannot load");
    }

    static byte[] withMetadata(byte[] program, Map<String, String> properties) {
        try {
            var model = ModelProto.parseFrom(program).toBuilder();
            properties.forEach((k, v) -> model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
            return model.build().toByteArray();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] withoutKeys(byte[] program, String... keys) {
        try {
            var model = ModelProto.parseFrom(program).toBuilder();
            var kept = model.getMetadataPropsList().stream()
                    .filter(entry -> !java.util.List.of(keys).contains(entry.getKey())).toList();
            return model.clearMetadataProps().addAllMetadataProps(kept).build().toByteArray();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    static void assertRefused(ThrowableAssert.ThrowingCallable call, Reason reason, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProgramRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason)).hasMessageContaining(message);
    }
}
