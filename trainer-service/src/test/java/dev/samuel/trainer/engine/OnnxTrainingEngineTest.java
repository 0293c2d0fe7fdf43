package dev.samuel.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samuel.contracts.event.ResolvedExample;
import dev.samuel.contracts.model.OutputKind;
import dev.samuel.contracts.model.ProgramMetadata;
import dev.samuel.contracts.monitoring.InputSummary;
import dev.samuel.contracts.spec.Fill;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.testkit.onnx.SklearnPrograms;
import dev.samuel.testkit.onnx.TorchPrograms.Ending;
import dev.samuel.testkit.onnx.TorchPrograms;
import dev.samuel.trainer.data.ExampleSet;
import dev.samuel.trainer.jobs.HoldoutEvaluator;
import dev.samuel.trainer.jobs.WarmStart;
import dev.samuel.trainer.jobs.WarmStartException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OnnxTrainingEngineTest {

    /** Two Gaussian blobs, one at (-2, 2000) and one at (2, 2600): the second feature on a scale 300 times larger. */
    static ExampleSet blobs(int n, long seed) {
        var random = new Random(seed);
        var examples = new ArrayList<ResolvedExample>();
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            float x = (float) ((label == 0 ? -2 : 2) + random.nextGaussian());
            float y = (float) ((label == 0 ? 2000 : 2600) + 300 * random.nextGaussian());
            examples.add(new ResolvedExample(new float[] {x, y}, new float[] {label}, 1f));
        }
        return new ExampleSet(examples);
    }

    static ModelSpec spec(int epochs, String more) {
        return ModelSpecs.parse("""
                {"name": "blobs", "task": {"type": "classification", "classes": 2}, "input": {"features": 2},
                 "layers": [{"dense": 8, "activation": "relu"}, {"dense": 2}], "optimizer": {"adam": {"lr": 0.01}},
                 "training": {"batchSize": 32, "epochs": %d}%s}""".formatted(epochs, more));
    }

    static ModelSpec spec(int epochs) {
        return spec(epochs, "");
    }

    final OnnxTrainingEngine engine = new OnnxTrainingEngine();

    @Test
    void trainsAFrozenProgramThatSeparatesTheBlobs() throws Exception {
        var train = blobs(600, 1);
        var steps = new ArrayList<Double>();

        var trained = engine.train(spec(5), train, new WarmStart.None(), 7, (epoch, step, loss, speed) -> steps.add(loss));

        var holdout = HoldoutEvaluator.score(trained.frozen(), spec(5), Optional.empty(), blobs(200, 2));
        assertThat(holdout.accuracy()).isGreaterThan(0.95);
        assertThat(holdout.loss()).isLessThan(0.2);
        assertThat(steps).hasSize(5 * (int) Math.ceil(600 / 32.0));
        assertThat(steps.get(steps.size() - 1)).isLessThan(steps.get(0));
    }

    /**
     * A set larger than the job's buffer (4 KB here: 256 rows of these) is read in shuffled buffers each epoch, and
     * learns as well as when laid out whole, in as many steps.
     */
    @Test
    void aSetLargerThanTheBufferTrainsFromShuffledBuffersAsWellAsInMemory() throws Exception {
        var train = blobs(2_000, 1);
        var streamed = new ArrayList<Double>();
        var inMemory = new ArrayList<Double>();

        var fromBuffers = new OnnxTrainingEngine(4096).train(spec(3), train, new WarmStart.None(), 7,
                (epoch, step, loss, speed) -> streamed.add(loss));
        var whole = engine.train(spec(3), train, new WarmStart.None(), 7, (epoch, step, loss, speed) -> inMemory.add(loss));

        assertThat(streamed).hasSize(3 * (int) Math.ceil(2_000 / 32.0)).hasSameSizeAs(inMemory)
                .isNotEqualTo(inMemory);
        var holdout = blobs(400, 2);
        double streamedAccuracy = HoldoutEvaluator.score(fromBuffers.frozen(), spec(3), Optional.empty(), holdout)
                .accuracy();
        assertThat(streamedAccuracy).isGreaterThan(0.95).isCloseTo(
                HoldoutEvaluator.score(whole.frozen(), spec(3), Optional.empty(), holdout).accuracy(), within(0.02));
    }

    /** The version carries its training split's deciles per feature: what inference's input drift compares with. */
    @Test
    void theFrozenProgramCarriesTheTrainingDataDeciles() throws Exception {
        var train = blobs(600, 1);

        var trained = engine.train(spec(1), train, new WarmStart.None(), 7, (e, s, l, v) -> { });

        InputSummary summary;
        try (var program = dev.samuel.programs.Program.open(trained.frozen(), 1)) {
            summary = InputSummary.read(program.metadata()).orElseThrow();
        }
        assertThat(summary.rows()).isEqualTo(600);
        assertThat(summary.features()).hasSize(2);
        for (int f = 0; f < 2; f++) {
            var sorted = new float[600];
            for (int i = 0; i < 600; i++) {
                sorted[i] = train.examples().get(i).features()[f];
            }
            java.util.Arrays.sort(sorted);
            var deciles = new float[9];
            for (int k = 1; k <= 9; k++) {
                deciles[k - 1] = sorted[k * 60];
            }
            var feature = summary.features().get(f);
            assertThat(feature.edges()).as("feature %d", f).containsExactly(deciles);
            assertThat(java.util.Arrays.stream(feature.proportions()).boxed().toList())
                    .allSatisfy(p -> assertThat(p).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.002)));
        }
    }

    @Test
    void inputsWiderThanASummaryTakesAreFrozenWithout() {
        int width = InputSummary.MAX_FEATURES + 1;
        var wideSpec = ModelSpecs.parse(ModelSpecs.toJson(spec(1)).replace("\"input\":{\"features\":2",
                "\"input\":{\"features\":" + width));
        var wide = new ExampleSet(List.of(new ResolvedExample(new float[width], new float[] {0}, 1f)));
        var metadata = dev.samuel.onnx.train.FreezeMetadata.ofSpec("wide", "-", OutputKind.PROBABILITIES);

        assertThat(OnnxTrainingEngine.described(wideSpec, metadata, wide).asProperties())
                .doesNotContainKey(ProgramMetadata.INPUT_SUMMARY);
        assertThat(OnnxTrainingEngine.described(spec(1), metadata, blobs(10, 1)).asProperties())
                .containsKey(ProgramMetadata.INPUT_SUMMARY);
    }

    @Test
    void binaryCrossEntropyTrainsOneOutput() throws Exception {
        var binary = ModelSpecs.parse(ModelSpecs.toJson(spec(5)).replace("{\"dense\":2}", "{\"dense\":1}")
                .replace("\"loss\":\"softmax_cross_entropy\"", "\"loss\":\"binary_cross_entropy\""));

        var trained = engine.train(binary, blobs(600, 1), new WarmStart.None(), 7, (e, s, l, v) -> { });

        var holdout = HoldoutEvaluator.score(trained.frozen(), binary, Optional.empty(), blobs(200, 2));
        assertThat(holdout.accuracy()).isGreaterThan(0.95);
        assertThat(holdout.loss()).isBetween(0.0, 0.2);
    }

    @Test
    void aWarmStartFromASpecVersionBeginsWhereItEnded() throws Exception {
        var train = blobs(600, 1);
        var first = engine.train(spec(5), train, new WarmStart.None(), 7, (e, s, l, v) -> { });
        var cold = new ArrayList<Double>();
        var warm = new ArrayList<Double>();

        engine.train(spec(1), train, new WarmStart.None(), 8, (e, s, l, v) -> cold.add(l));
        engine.train(spec(1), train, new WarmStart.SpecProgram("blobs v1", first.frozen()), 8, (e, s, l, v) -> warm.add(l));

        assertThat(warm.get(0)).isLessThan(0.2).isLessThan(cold.get(0) / 2);
    }

    /** A third of the second feature missing, in training and holdout alike: filled inside the program. */
    @Test
    void aSpecThatAllowsMissingValuesTrainsScoresAndWarmStartsOnRowsWithNaNs() throws Exception {
        var tabular = ModelSpecs.parse(ModelSpecs.toJson(spec(5)).replace("\"input\":{\"features\":2",
                "\"input\":{\"names\":[\"x\",\"y\"],\"missing\":{\"y\":\"mean\"}"));
        assertThat(tabular.input().fillOf(1)).isEqualTo(Fill.MEAN);
        var train = withMissing(blobs(600, 1), 3);

        var first = engine.train(tabular, train, new WarmStart.None(), 7, (e, s, l, v) -> { });
        var warm = new ArrayList<Double>();
        engine.train(tabular, train, new WarmStart.SpecProgram("blobs v1", first.frozen()), 8, (e, s, l, v) -> warm.add(l));

        var holdout = HoldoutEvaluator.score(first.frozen(), tabular, Optional.empty(), withMissing(blobs(200, 2), 3));
        assertThat(holdout.accuracy()).isGreaterThan(0.95);
        assertThat(holdout.loss()).isFinite().isLessThan(0.2);
        assertThat(warm.get(0)).isFinite().isLessThan(0.2);
    }

    /** The class is the colour, given as text; the numbers are noise: only the categories can separate it. */
    @Test
    void aSpecWithCategoricalFeaturesTrainsOnTextAndScoresUnseenValues() throws Exception {
        var spec = ModelSpecs.parse(ModelSpecs.toJson(spec(10)).replace("\"input\":{\"features\":2",
                "\"input\":{\"names\":[\"colour\",\"x\",\"size\"],\"categorical\":{\"colour\":{},"
                        + "\"size\":{\"embedding\":2}}"));
        assertThat(spec.input().categoricalNames()).containsExactly("colour", "size");
        var random = new Random(5);
        var train = coloured(random, 600, List.of("red", "blue", "green"));

        var trained = engine.train(spec, train, new WarmStart.None(), 7, (e, s, l, v) -> { });

        var holdout = HoldoutEvaluator.score(trained.frozen(), spec, Optional.empty(),
                coloured(random, 200, List.of("red", "blue", "green")));
        assertThat(holdout.accuracy()).isGreaterThan(0.97);
        var unseen = HoldoutEvaluator.score(trained.frozen(), spec, Optional.empty(),
                coloured(random, 50, List.of("purple")));
        assertThat(unseen.loss()).as("an unseen colour falls in the other bucket and is scored").isFinite();
    }

    /** The next job's vocabulary differs (green gone, purple new): what the version learned of red is kept. */
    @Test
    void aWarmStartCarriesTheRowsOfCategoriesBothVocabulariesHold() throws Exception {
        var spec = ModelSpecs.parse(ModelSpecs.toJson(spec(10)).replace("\"input\":{\"features\":2",
                "\"input\":{\"names\":[\"colour\",\"x\",\"size\"],\"categorical\":{\"colour\":{},"
                        + "\"size\":{\"embedding\":2}}"));
        var random = new Random(6);
        var first = engine.train(spec, coloured(random, 600, List.of("red", "blue", "green")), new WarmStart.None(), 7,
                (e, s, l, v) -> { });
        var next = coloured(random, 600, List.of("red", "blue", "purple"));
        var cold = new ArrayList<Double>();
        var warm = new ArrayList<Double>();

        engine.train(spec, next, new WarmStart.None(), 8, (e, s, l, v) -> cold.add(l));
        engine.train(spec, next, new WarmStart.SpecProgram("colours v1", first.frozen()), 8, (e, s, l, v) -> warm.add(l));

        assertThat(warm.get(0)).isLessThan(cold.get(0) / 2);
    }

    /** Class 1 for red, else 0. */
    private static ExampleSet coloured(Random random, int n, List<String> colours) {
        var examples = new ArrayList<ResolvedExample>();
        for (int i = 0; i < n; i++) {
            var colour = colours.get(random.nextInt(colours.size()));
            var size = random.nextInt(4) == 0 ? "" : random.nextBoolean() ? "S" : "L";
            examples.add(new ResolvedExample(new float[] {(float) random.nextGaussian()}, new String[] {colour, size},
                    new float[] {colour.equals("red") ? 1 : 0}, 1f));
        }
        return new ExampleSet(examples);
    }

    private static ExampleSet withMissing(ExampleSet set, int every) {
        var examples = new ArrayList<ResolvedExample>();
        for (int i = 0; i < set.size(); i++) {
            var example = set.examples().get(i);
            var features = example.features().clone();
            features[1] = i % every == 0 ? Float.NaN : features[1];
            examples.add(new ResolvedExample(features, example.target(), example.weight()));
        }
        return new ExampleSet(examples);
    }

    @Test
    void aSpecVersionWhoseParametersDoNotFitFailsNamingThem() throws Exception {
        var first = engine.train(spec(1), blobs(100, 1), new WarmStart.None(), 7, (e, s, l, v) -> { });
        var wider = ModelSpecs.parse(ModelSpecs.toJson(spec(1)).replace("{\"dense\":8,", "{\"dense\":16,"));

        assertThatThrownBy(() -> engine.train(wider, blobs(100, 1), new WarmStart.SpecProgram("blobs v1", first.frozen()),
                7, (e, s, l, v) -> { }))
                .isInstanceOf(WarmStartException.class)
                .hasMessageContaining("init.from blobs v1 does not fit the spec's network")
                .hasMessageContaining("dense1.weight is [2, 16] in the spec's network, [2, 8] in blobs v1");
    }

    @Test
    void aForeignProgramIsFineTunedAsItsOwnNetworkAndKeepsItsForm() throws Exception {
        var foreign = TorchPrograms.mlp(2, 8, 2, 3, Ending.LOGITS);
        var data = new ExampleSet(blobs(600, 1).examples().stream()
                .map(e -> new ResolvedExample(new float[] {e.features()[0], (e.features()[1] - 2300) / 300}, e.target(), 1f))
                .toList());

        var trained = engine.train(spec(5), data, new WarmStart.ForeignProgram("blobs v1", foreign, OutputKind.LOGITS),
                7, (e, s, l, v) -> { });

        try (var program = dev.samuel.programs.Program.open(trained.frozen(), 1)) {
            // Trained by a job of the platform: it carries its training data's summary like a spec network.
            assertThat(InputSummary.read(program.metadata())).isPresent();
            var signature = dev.samuel.programs.ProgramReader.read(program, spec(5), Optional.empty()).program();
            assertThat(signature.input()).isEqualTo("x");
            assertThat(signature.output()).isEqualTo("logits");
            assertThat(signature.kind()).isEqualTo(OutputKind.LOGITS);
            assertThat(signature.origin()).isEqualTo(dev.samuel.contracts.model.Origin.FOREIGN);
        }
        assertThat(HoldoutEvaluator.score(trained.frozen(), spec(5), Optional.empty(), data).accuracy())
                .isGreaterThan(0.95);
    }

    @Test
    void aForeignProgramWithoutGradientRulesFailsNamingItsOps() {
        var sklearn = SklearnPrograms.linearClassifier(2, 2, 1);

        assertThatThrownBy(() -> engine.train(spec(1), blobs(100, 1),
                new WarmStart.ForeignProgram("blobs v2", sklearn, OutputKind.PROBABILITIES), 7, (e, s, l, v) -> { }))
                .isInstanceOf(WarmStartException.class)
                .hasMessageContaining("init.from blobs v2 cannot be fine-tuned")
                .hasMessageContaining("ai.onnx.ml.LinearClassifier");
    }

    @Test
    void freezingAParameterTheNetworkDoesNotHaveFailsNamingIt() {
        var spec = spec(1, ", \"init\": {\"random\": {\"seed\": 1}, \"freeze\": [\"0.weight\"]}");

        assertThatThrownBy(() -> engine.train(spec, blobs(100, 1), new WarmStart.None(), 7, (e, s, l, v) -> { }))
                .isInstanceOf(WarmStartException.class)
                .hasMessageContaining("init.freeze names [0.weight], which are not parameters")
                .hasMessageContaining("dense1.weight");
    }

    static List<ResolvedExample> examples(ExampleSet data) {
        return data.examples();
    }
}
