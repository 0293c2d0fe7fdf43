package dev.samuel.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samuel.contracts.spec.Categorical;
import dev.samuel.contracts.spec.Fill;
import dev.samuel.contracts.spec.Input;
import dev.samuel.contracts.spec.Layer;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleResolverTest {

    static final ModelSpec COLOURS = spec(new Task("classification", null, List.of("red", "green", "blue"), null, null),
            new Input(null, List.of("r", "g", "b"), null), 3);
    static final ModelSpec PRICES = spec(Task.regression(2), Input.of(2), 2);

    @Test
    void laysOutNamedFeaturesInSpecOrderAndNamesClasses() {
        var example = new LabelledExample(new Features.Named(Map.of("b", 3f, "r", 1f, "g", 2f)), Label.of("blue"), 2f);

        var resolved = ExampleResolver.resolve(COLOURS, example);

        assertThat(resolved.features()).containsExactly(1f, 2f, 3f);
        assertThat(resolved.classIndex()).isEqualTo(2);
        assertThat(resolved.weight()).isEqualTo(2f);
    }

    @Test
    void acceptsClassIndicesAndRegressionVectors() {
        assertThat(ExampleResolver.resolve(COLOURS, LabelledExample.of(new float[] {1, 2, 3}, 1)).classIndex())
                .isEqualTo(1);
        var regression = new LabelledExample(Features.of(1f, 2f), Label.of(0.5f, 7f), null);
        assertThat(ExampleResolver.resolve(PRICES, regression).target()).containsExactly(0.5f, 7f);
    }

    @Test
    void rejectsEachInvalidExampleWithItsReason() {
        assertReject(COLOURS, LabelledExample.of(new float[] {1, 2}, 0), RejectReason.WRONG_DIMENSION,
                "expected 3 features, got 2");
        assertReject(COLOURS, LabelledExample.of(new float[] {1, Float.NaN, 3}, 0), RejectReason.MISSING_FEATURES,
                "missing feature 'g' (null, absent or NaN), and the spec's input.missing does not allow it");
        assertReject(PRICES, new LabelledExample(Features.of(Float.NaN, 2), Label.of(1, 2), null),
                RejectReason.MISSING_FEATURES, "missing feature 0");
        assertReject(COLOURS, LabelledExample.of(new float[] {1, 2, Float.POSITIVE_INFINITY}, 0),
                RejectReason.NOT_FINITE, "feature 'b' is Infinity");
        assertReject(COLOURS, LabelledExample.of(new float[] {1, 2, 3}, 3), RejectReason.INVALID_LABEL,
                "class index in [0, 3)");
        assertReject(COLOURS, LabelledExample.of(new float[] {1, 2, 3}, 1.5), RejectReason.INVALID_LABEL, "1.5");
        assertReject(COLOURS, new LabelledExample(Features.of(1, 2, 3), Label.of("purple"), null),
                RejectReason.INVALID_LABEL, "unknown class 'purple'");
        assertReject(COLOURS, new LabelledExample(new Features.Named(Map.of("r", 1f, "g", 2f)), Label.of(0), null),
                RejectReason.MISSING_FEATURES, "missing feature 'b'");
        assertReject(COLOURS, new LabelledExample(new Features.Named(Map.of("x", 1f)), Label.of(0), null),
                RejectReason.UNKNOWN_FEATURE, "unknown feature 'x'");
        assertReject(COLOURS, new LabelledExample(Features.of(1, 2, 3), Label.of(0), -1f),
                RejectReason.INVALID_WEIGHT, "weight");
        assertReject(PRICES, new LabelledExample(Features.of(1, 2), Label.of(1), null), RejectReason.INVALID_LABEL,
                "expected 2 label values, got 1");
        assertReject(PRICES, new LabelledExample(new Features.Named(Map.of("a", 1f)), Label.of(1, 2), null),
                RejectReason.UNKNOWN_FEATURE, "the spec names none");
    }

    @Test
    void featuresTheSpecLetsBeMissingAreNaNWhetherNullOrAbsent() {
        var spec = spec(COLOURS.task(), new Input(null, List.of("r", "g", "b"), null, null,
                Map.of("g", Fill.MEAN, "b", Fill.constant(0)), null, null), 3);
        var nullGreen = new Features.Named(Map.of("r", 5f, "g", Float.NaN));

        assertThat(ExampleResolver.row(spec.input(), nullGreen).numbers()).containsExactly(5f, Float.NaN, Float.NaN);
        assertReject(spec, new LabelledExample(new Features.Named(Map.of("g", 1f)), Label.of(0), null),
                RejectReason.MISSING_FEATURES, "missing feature 'r'");
        assertThat(ExampleResolver.row(spec.input(), Features.of(5f, Float.NaN, 2f)).numbers())
                .containsExactly(5f, Float.NaN, 2f);
        assertReject(spec, new LabelledExample(Features.of(5f, Float.NEGATIVE_INFINITY, 2f), Label.of(0), null),
                RejectReason.NOT_FINITE, "feature 'g' is -Infinity");
    }

    @Test
    void aStringWhereTheSpecReadsANumberIsTheWrongTypeAndUnknownFieldsMayBeIgnored() {
        var strings = new Features.Named(Map.of("r", 1f, "g", 2f, "b", 3f), Map.of("colour", "teal"));
        assertReject(COLOURS, new LabelledExample(strings, Label.of(0), null), RejectReason.UNKNOWN_FEATURE,
                "unknown feature 'colour'; the spec's features are [r, g, b]");
        var ignoring = spec(COLOURS.task(), new Input(null, List.of("r", "g", "b"), null, null, null, "ignore", null), 3);

        assertThat(ExampleResolver.row(ignoring.input(), strings).numbers()).containsExactly(1f, 2f, 3f);
        assertReject(ignoring, new LabelledExample(new Features.Named(Map.of("r", 1f, "g", 2f), Map.of("b", "blue")),
                Label.of(0), null), RejectReason.WRONG_TYPE, "feature 'b' is the string \"blue\"; the spec reads it as a number");
    }

    @Test
    void categoricalFeaturesAreTextBesideTheNumbers() {
        var input = new Input(null, List.of("island", "mass", "sex"), null, null, null, null,
                Map.of("island", Categorical.ONE_HOT, "sex", Categorical.ONE_HOT));
        var spec = spec(COLOURS.task(), input, 3);

        var row = ExampleResolver.row(input, new Features.Named(Map.of("mass", 3750f, "sex", 1f),
                Map.of("island", "Dream")));
        assertThat(row.numbers()).containsExactly(3750f);
        assertThat(row.categories()).containsExactly("Dream", "1");
        assertThat(ExampleResolver.row(input, new Features.Named(Map.of("mass", 1f, "sex", Float.NaN))).categories())
                .containsExactly(FeatureRow.MISSING, FeatureRow.MISSING);
        assertReject(spec, new LabelledExample(Features.of(1f), Label.of(0), null), RejectReason.WRONG_TYPE,
                "the spec reads categorical features [island, sex]: send named features");
        assertThat(ExampleResolver.resolve(spec, new LabelledExample(new Features.Named(Map.of("mass", 2.5f),
                Map.of("island", "Biscoe", "sex", "MALE")), Label.of(1), null)).categories())
                .containsExactly("Biscoe", "MALE");
    }

    private static void assertReject(ModelSpec spec, LabelledExample example, RejectReason reason, String message) {
        assertThatThrownBy(() -> ExampleResolver.resolve(spec, example))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(message);
    }

    private static ModelSpec spec(Task task, Input input, int outputs) {
        return new ModelSpec("m", task, input, List.of(Layer.dense(outputs)), null, null, null, null, null, null);
    }
}
