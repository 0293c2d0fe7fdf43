package dev.samuel.registry.validate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.registry.TestModels;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Real ONNX Runtime sessions over models built in code. */
class ModelValidatorTest {

    static final ModelSpec FOUR_TO_THREE = TestModels.spec("m", 4, 3);

    final ModelValidator validator = new ModelValidator(64 * 1024);

    @Test
    void acceptsAModelThatMatchesTheSpec() {
        assertThatCode(() -> validator.validate(FOUR_TO_THREE, TestModels.gemm(4, 3), Optional.empty())).doesNotThrowAnyException();
    }

    @Test
    void refusesAnInputOfAnotherWidth() {
        assertRefused(TestModels.spec("m", 5, 3), TestModels.gemm(4, 3), InvalidModelException.INPUT_MISMATCH,
                "input 'features' takes 4 features per row; the spec of m has 5 (input.features)");
    }

    @Test
    void refusesAnOutputOfAnotherWidth() {
        assertRefused(TestModels.spec("m", 4, 2), TestModels.gemm(4, 3), InvalidModelException.OUTPUT_MISMATCH,
                "output 'scores' has 3 values per row; the spec of m needs 2 (task.classes 2)");
    }

    @Test
    void refusesBytesThatAreNoOnnxModel() {
        assertRefused(FOUR_TO_THREE, TestModels.corrupt(), InvalidModelException.NOT_ONNX, "not an ONNX model");
        assertRefused(FOUR_TO_THREE, "hello".getBytes(), InvalidModelException.NOT_ONNX, "not an ONNX model");
    }

    @Test
    void refusesExternalData() {
        assertRefused(FOUR_TO_THREE, TestModels.withExternalData(4, 3), InvalidModelException.EXTERNAL_DATA,
                "initializer 'W' keeps its data in an external file");
    }

    @Test
    void refusesAModelOnnxRuntimeCannotLoad() {
        assertRefused(FOUR_TO_THREE, TestModels.dangling(4, 3), InvalidModelException.NOT_LOADABLE,
                "ONNX Runtime cannot load the program");
    }

    @Test
    void refusesEmptyAndOversizedUploads() {
        assertRefused(FOUR_TO_THREE, new byte[0], InvalidModelException.EMPTY, "the upload is empty");
        assertRefused(FOUR_TO_THREE, TestModels.padded(4, 3, 70_000), InvalidModelException.TOO_LARGE,
                "over the limit of 65536 bytes");
    }

    private void assertRefused(ModelSpec spec, byte[] model, String reason, String message) {
        assertThatThrownBy(() -> validator.validate(spec, model, Optional.empty()))
                .isInstanceOfSatisfying(InvalidModelException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.reason()).isEqualTo(reason);
                    org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains(message);
                });
    }
}
