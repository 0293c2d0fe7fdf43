package dev.samuel.contracts.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code training.minExamples}: read, defaulted, refused when negative, and written only when set. */
class TrainingTest {

    static final String SPEC = """
            {"name": "first", "task": {"type": "classification", "classes": 2}, "input": {"features": 2},
             "layers": [{"dense": 2}], "training": {"epochs": 1%s}}""";

    @Test
    void minExamplesIsReadAndWrittenOnlyWhenSet() {
        var set = ModelSpecs.parse(SPEC.formatted(", \"minExamples\": 500"));
        var unset = ModelSpecs.parse(SPEC.formatted(""));

        assertThat(set.training().minExamples()).isEqualTo(500L);
        assertThat(unset.training().minExamples()).isZero();
        assertThat(ModelSpecs.toJson(set)).contains("\"minExamples\":500");
        assertThat(ModelSpecs.toJson(unset)).doesNotContain("minExamples");
        assertThat(ModelSpecs.parse(ModelSpecs.toJson(set))).isEqualTo(set);
        assertThat(new Training(null, 1, null, null)).isEqualTo(new Training(null, 1, null, null, null, null, 0L));
    }

    @Test
    void aNegativeMinExamplesIsRefused() {
        assertThatThrownBy(() -> ModelSpecs.parse(SPEC.formatted(", \"minExamples\": -1")))
                .isInstanceOf(InvalidModelSpecException.class)
                .hasMessageContaining("training.minExamples must be >= 0");
    }
}
