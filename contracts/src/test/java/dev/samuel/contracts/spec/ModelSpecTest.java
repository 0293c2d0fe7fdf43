package dev.samuel.contracts.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelSpecTest {

    static final String DIGITS = """
            {"name": "digits", "task": {"type": "classification", "classes": 10}, "input": {"features": 784},
             "layers": [{"dense": 128, "activation": "relu"}, {"dense": 10}], "loss": "softmax_cross_entropy",
             "optimizer": {"adam": {"lr": 0.001}}, "init": {"random": {"seed": 42}},
             "training": {"batchSize": 64, "epochs": 3, "holdout": 0.2, "retrainEvery": 5000, "window": 20000,
                          "retrainInterval": "PT6H"},
             "promotion": {"minImprovement": 0.0}}""";

    @Test
    void parsesTheDesignExample() {
        var spec = ModelSpecs.parse(DIGITS);

        assertThat(spec.name()).isEqualTo("digits");
        assertThat(spec.task().classes()).isEqualTo(10);
        assertThat(spec.input().featureCount()).isEqualTo(784);
        assertThat(spec.input().standardize()).isTrue();
        assertThat(spec.layers()).containsExactly(Layer.dense(128, "relu"), Layer.dense(10));
        assertThat(spec.optimizer().type()).isEqualTo(Optimizer.ADAM);
        assertThat(spec.optimizer().learningRate()).isEqualTo(0.001);
        assertThat(spec.init().random().seed()).isEqualTo(42L);
        assertThat(spec.training().retrainEvery()).isEqualTo(5000L);
        assertThat(spec.training().window()).isEqualTo(20000L);
        assertThat(spec.training().retrainInterval()).isEqualTo(java.time.Duration.ofHours(6));
        assertThat(spec.training().trainWindow()).isEqualTo(16000L);
        assertThat(spec.training().testWindow()).isEqualTo(4000L);
    }

    @Test
    void roundTripsThroughJson() {
        var spec = ModelSpecs.parse(DIGITS);

        assertThat(ModelSpecs.parse(ModelSpecs.toJson(spec))).isEqualTo(spec);
        assertThat(ModelSpecs.toJson(spec)).contains("\"retrainInterval\":\"PT6H\"");
    }

    @Test
    void fillsDefaultsForOptionalParts() {
        var spec = ModelSpecs.parse("""
                {"name": "house-prices", "task": {"type": "regression"}, "input": {"names": ["rooms", "area"]},
                 "layers": [{"dense": 8, "activation": "tanh"}, {"dropout": 0.1}, {"dense": 1}]}""");

        assertThat(spec.loss()).isEqualTo(ModelSpec.MEAN_SQUARED_ERROR);
        assertThat(spec.task().outputs()).isEqualTo(1);
        assertThat(spec.input().featureCount()).isEqualTo(2);
        assertThat(spec.optimizer().learningRate()).isEqualTo(1e-3);
        assertThat(spec.training().holdout()).isEqualTo(0.2);
        assertThat(spec.training().batchSize()).isEqualTo(64);
        assertThat(spec.init().random().seed()).isEqualTo(42L);
        assertThat(spec.topics()).isEqualTo(TopicNames.DEFAULTS);
    }

    @Test
    void optimizerParametersTakeEachRulesDefaults() {
        var momentum = ModelSpecs.parse(DIGITS.replace("{\"adam\": {\"lr\": 0.001}}", "{\"momentum\": {}}"))
                .optimizer();

        assertThat(momentum.learningRate()).isEqualTo(0.01);
        assertThat(momentum.momentum()).isEqualTo(0.9);
        assertThat(momentum.clipNorm()).isZero();
    }

    /** Each row replaces one fragment of the valid digits spec and names the problem that must be reported. */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            "name": "digits"                  | "name": "my model"                      | name must be 1-120 characters
            "name": "digits",                 | ''                                      | name is required
            {"dense": 128, "activation": "relu"} | {"dense": 0, "activation": "relu"}   | layers[0].dense must be > 0
            {"dense": 10}                     | {"dense": -3}                           | layers[1].dense must be > 0
            "activation": "relu"              | "activation": "swish"                   | layers[0].activation must be one of
            {"dense": 10}                     | {"dense": 10, "activation": "relu"}     | layers[1].activation must be linear
            {"dense": 10}                     | {"dense": 9}                            | layers[1].dense must equal task.classes (10)
            {"dense": 10}                     | {"dropout": 0.5}                        | layers[1] must be the dense output layer
            {"dense": 128, "activation": "relu"} | {"dropout": 1.5}                     | layers[0].dropout must be in [0, 1)
            {"dense": 128, "activation": "relu"} | {"dense": 4, "dropout": 0.1}         | layers[0] must have exactly one of dense, dropout
            "features": 784                   | "features": 784, "shape": [1, 28, 27]   | input.shape [1, 28, 27] has 756 values, but input.features is 784
            "features": 784                   | "features": 784, "shape": [28, 28]      | input.shape must be [channels, height, width] of sizes > 0
            {"dense": 128, "activation": "relu"} | {"conv2d": 8, "kernel": 3}           | layers[0]: conv2d needs input.shape
            {"dense": 128, "activation": "relu"} | {"max_pool2d": 2}                    | layers[0]: max_pool2d needs input.shape
            {"dense": 128, "activation": "relu"} | {"conv2d": 8, "kernel": 3, "dense": 4} | layers[0] must have exactly one of dense, dropout, conv2d, max_pool2d, avg_pool2d, global_avg_pool, batch_norm, flatten, got [dense, conv2d]
            {"dense": 128, "activation": "relu"} | {"dense": 128, "kernel": 3}          | layers[0]: kernel, padding, dilation and groups apply to conv2d only
            {"dense": 128, "activation": "relu"} | {"max_pool2d": 2, "activation": "relu"} | layers[0]: a max_pool2d layer takes no activation
            {"dense": 128, "activation": "relu"} | {"flatten": false}                   | layers[0].flatten must be true
            {"dense": 128, "activation": "relu"} | {"dropout": 0.1, "stride": 2}         | layers[0]: stride applies to conv2d, max_pool2d and avg_pool2d only
            "holdout": 0.2                    | "holdout": 1.0                          | training.holdout must be in (0, 1)
            "holdout": 0.2                    | "holdout": 0                            | training.holdout must be in (0, 1)
            "window": 20000                   | "window": -1                            | training.window must be >= 0
            "retrainInterval": "PT6H"         | "retrainInterval": "PT0S"               | training.retrainInterval must be a positive duration
            "retrainInterval": "PT6H"         | "retrainInterval": "-PT1H"              | training.retrainInterval must be a positive duration
            "retrainInterval": "PT6H"         | "retrainInterval": "hourly"             | retrainInterval
            "batchSize": 64                   | "batchSize": 0                          | training.batchSize must be > 0
            "epochs": 3                       | "epochs": -1                            | training.epochs must be > 0
            "classes": 10                     | "classes": 1                            | task.classes must be >= 2
            "type": "classification"          | "type": "clustering"                    | task.type must be one of
            "features": 784                   | "features": 0                           | input.features must be > 0
            "features": 784                   | "features": 784, "missing": {"a": "mean"} | input.missing needs input.names
            "features": 784                   | "names": ["a", "b"], "missing": {"c": 0} | input.missing names 'c', which is not in input.names
            "features": 784                   | "names": ["a"], "missing": {"a": "median"} | input.missing.a: a missing value's fill is "mean" or a finite number, got "median"
            "features": 784                   | "names": ["a"], "unknownFields": "drop" | input.unknownFields must be one of [refuse, ignore], got 'drop'
            "features": 784                   | "features": 784, "categorical": {"a": {}} | input.categorical needs input.names
            "features": 784                   | "names": ["a"], "categorical": {"b": {}}  | input.categorical names 'b', which is not in input.names
            "features": 784                   | "names": ["a"], "categorical": {"a": {}}, "missing": {"a": 0} | input.categorical.a is also in input.missing
            "features": 784                   | "names": ["a"], "categorical": {"a": {"maxValues": 0}} | input.categorical.a.maxValues must be >= 1
            "features": 784                   | "names": ["a"], "categorical": {"a": {"embedding": -1}} | input.categorical.a.embedding must be >= 0 (0: one-hot)
            "features": 784                   | "names": ["a"], "categorical": {"a": {"size": 3}} | unknown field 'input.categorical.a.size'
            "softmax_cross_entropy"           | "hinge"                                 | loss must be one of
            "softmax_cross_entropy"           | "mse"                                   | loss mse needs a regression task
            {"adam": {"lr": 0.001}}           | {"rmsprop": {"lr": 0.001}}              | optimizer must be one of
            {"adam": {"lr": 0.001}}           | {"adam": {"lr": -1}}                    | optimizer.adam.lr must be > 0
            {"adam": {"lr": 0.001}}           | {"adam": {"lr": 0.1}, "sgd": {}}        | optimizer must name exactly one of
            {"random": {"seed": 42}}          | {"from": "digits"}                      | init.from must be '<model>@<alias or version>'
            {"random": {"seed": 42}}          | {"random": {}, "from": "digits@champion"} | init must have exactly one of random, from
            {"random": {"seed": 42}}          | {"onnx": "ab12"}                        | unknown field 'init.onnx': register the ONNX file with `bin/samuel import
            "minImprovement": 0.0             | "minImprovment": 0.0                    | unknown field 'promotion.minImprovment'
            "layers"                          | "layerz"                                | unknown field 'layerz'
            {"dense": 10}                     | {"dense": 10.5}                         | layers[1].dense: Cannot coerce Floating-point value (10.5)
            "epochs": 3                       | "epochs": "3"                           | training.epochs: Cannot coerce String value ("3")
            """)
    void reportsEachProblemPrecisely(String fragment, String replacement, String expected) {
        var json = DIGITS.replace(fragment, replacement);
        assertThat(json).as("fixture must change the spec").isNotEqualTo(DIGITS);

        assertThatThrownBy(() -> ModelSpecs.parse(json))
                .isInstanceOf(InvalidModelSpecException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void readsMissingValueFillsAndUnknownFieldsAndWritesThemOnlyWhenGiven() {
        var spec = ModelSpecs.parse(DIGITS.replace("\"features\": 784", "\"names\": [\"rooms\", \"area\", \"garden\"], "
                + "\"missing\": {\"area\": \"mean\", \"garden\": 0}, \"unknownFields\": \"ignore\""));

        assertThat(spec.input().fillOf(0)).isNull();
        assertThat(spec.input().fillOf(1)).isEqualTo(Fill.MEAN);
        assertThat(spec.input().fillOf(2)).isEqualTo(Fill.constant(0));
        assertThat(spec.input().ignoresUnknownFields()).isTrue();
        assertThat(ModelSpecs.parse(ModelSpecs.toJson(spec))).isEqualTo(spec);
        assertThat(ModelSpecs.toJson(spec)).contains("\"missing\":{\"area\":\"mean\",\"garden\":0.0}");
        assertThat(ModelSpecs.toJson(ModelSpecs.parse(DIGITS))).doesNotContain("missing").doesNotContain("unknownFields");
    }

    @Test
    void aSchemaReferenceForEditorsIsAllowedAndNotKept() {
        var spec = ModelSpecs.parse(DIGITS.replaceFirst("\\{", "{\"\\$schema\": \"http://localhost:8082/schemas/model-spec.json\", "));

        assertThat(ModelSpecs.toJson(spec)).doesNotContain("schema").isEqualTo(ModelSpecs.toJson(ModelSpecs.parse(DIGITS)));
    }

    static final String IMAGES = DIGITS.replace("\"features\": 784}", "\"features\": 784, \"shape\": [1, 28, 28]}")
            .replace("{\"dense\": 128, \"activation\": \"relu\"}", "{\"conv2d\": 8, \"kernel\": 3, \"activation\": \"relu\"}, "
                    + "{\"max_pool2d\": 2}, {\"batch_norm\": true}, {\"flatten\": true}");

    @Test
    void readsConvolutionLayers() {
        var spec = ModelSpecs.parse(IMAGES);

        assertThat(spec.input().shape()).containsExactly(1, 28, 28);
        assertThat(spec.layers()).containsExactly(Layer.conv2d(8, 3, "relu"), Layer.maxPool2d(2), Layer.batchNormalization(),
                Layer.flattened(), Layer.dense(10));
        assertThat(ModelSpecs.toJson(spec)).contains("\"conv2d\":8", "\"max_pool2d\":2", "\"batch_norm\":true",
                "\"shape\":[1,28,28]").doesNotContain("null");
        assertThat(ModelSpecs.parse(ModelSpecs.toJson(spec))).isEqualTo(spec);
    }

    /** Rows replace a fragment of a valid convolutional spec (conv 8 3x3 relu, max pool 2, batch norm, flatten, dense 10). */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            "conv2d": 8                       | "conv2d": 0                             | layers[0].conv2d (filters) must be > 0
            "kernel": 3                       | "kernel": 0                             | layers[0].kernel must be > 0
            "kernel": 3                       | "kernel": 3, "groups": 3                | layers[0].groups must be > 0 and divide the input channels (1) and conv2d (8), got 3
            "kernel": 3                       | "kernel": 3, "stride": 0                | layers[0].stride must be > 0
            "kernel": 3                       | "kernel": 3, "padding": -1              | layers[0].padding must be >= 0
            "kernel": 3                       | "kernel": 3, "dilation": 0              | layers[0].dilation must be > 0
            "kernel": 3                       | "kernel": 30                            | layers[0]: kernel 30 does not fit its 28x28 input maps
            "kernel": 3                       | "kernel": 3, "dilation": 14             | layers[0]: kernel 3 does not fit its 28x28 input maps
            {"max_pool2d": 2}                 | {"max_pool2d": 27}                      | layers[1]: window 27 does not fit its 26x26 input maps
            {"max_pool2d": 2}                 | {"avg_pool2d": 0}                       | layers[1].avg_pool2d (window) must be > 0
            {"flatten": true}                 | {"flatten": true}, {"max_pool2d": 2}    | layers[4]: max_pool2d needs [channels, height, width] maps, but an earlier layer flattened them
            {"batch_norm": true}              | {"batch_norm": false}                   | layers[2].batch_norm must be true
            {"batch_norm": true}              | {"global_avg_pool": false}              | layers[2].global_avg_pool must be true
            "shape": [1, 28, 28]              | "shape": [2, 28, 28]                    | input.shape [2, 28, 28] has 1568 values, but input.features is 784
            "shape": [1, 28, 28]              | "shape": [1, 0, 28]                     | input.shape must be [channels, height, width] of sizes > 0
            "activation": "relu"}             | "activation": "swish"}                  | layers[0].activation must be one of
            """)
    void reportsEachConvolutionProblemPrecisely(String fragment, String replacement, String expected) {
        var json = IMAGES.replace(fragment, replacement);
        assertThat(json).as("fixture must change the spec").isNotEqualTo(IMAGES);

        assertThatThrownBy(() -> ModelSpecs.parse(json))
                .isInstanceOf(InvalidModelSpecException.class)
                .hasMessageContaining(expected);
    }

    /** A layer's form is checked as it is read, like unknown fields: the refusal names every form problem of the layer. */
    @Test
    void refusesALayerOfNoKindOrWithFieldsItsKindDoesNotTake() {
        var noKind = DIGITS.replace("{\"dense\": 128, \"activation\": \"relu\"}", "{\"activation\": \"relu\"}");
        var strayFields = DIGITS.replace("{\"dense\": 128, \"activation\": \"relu\"}",
                "{\"max_pool2d\": 2, \"activation\": \"relu\", \"kernel\": 3}");

        assertThatThrownBy(() -> ModelSpecs.parse(noKind)).isInstanceOfSatisfying(InvalidModelSpecException.class,
                e -> assertThat(e.problems()).containsExactly("layers[0] must have exactly one of dense, dropout, conv2d, "
                        + "max_pool2d, avg_pool2d, global_avg_pool, batch_norm, flatten, got []"));
        assertThatThrownBy(() -> ModelSpecs.parse(strayFields)).isInstanceOfSatisfying(InvalidModelSpecException.class,
                e -> assertThat(e.problems()).containsExactly("layers[0]: a max_pool2d layer takes no activation",
                        "layers[0]: kernel, padding, dilation and groups apply to conv2d only"));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        var spec = new ModelSpec("ok", Task.classification(3), Input.of(0),
                java.util.List.of(Layer.dense(0), Layer.dense(3)), null, null, null,
                new Training(0, 1, 0.5, 0L), null, null);

        assertThat(ModelSpecValidator.problems(spec)).containsExactly(
                "input.features must be > 0", "layers[0].dense must be > 0", "training.batchSize must be > 0");
    }

    @Test
    void rejectsTopicOverridesThatKafkaCannotName() {
        var json = DIGITS.replace("\"promotion\"", "\"topics\": {\"train\": \"digits train\"}, \"promotion\"");

        assertThatThrownBy(() -> ModelSpecs.parse(json)).hasMessageContaining("topics.train must be a Kafka topic name");
    }

    @Test
    void rejectsMalformedJson() {
        assertThatThrownBy(() -> ModelSpecs.parse("{\"name\": ")).isInstanceOf(InvalidModelSpecException.class);
        assertThatThrownBy(() -> ModelSpecs.parse("null")).hasMessageContaining("spec must be a JSON object");
    }
}
