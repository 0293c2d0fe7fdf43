package dev.samuel.onnx.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import dev.samuel.contracts.model.Origin;
import dev.samuel.contracts.model.OutputKind;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.onnx.runtime.SessionConfig;
import dev.samuel.onnx.runtime.Sessions;
import dev.samuel.onnx.spec.SpecGraphs;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Categorical features read from their raw text inside the graph: the job learns the vocabularies, the network reads
 * one-hot buckets or learned embeddings, and the frozen program, given raw strings (unseen ones included), computes what
 * the training graph computed.
 */
class CategoricalFeaturesTest {
    private static final ModelSpec SPEC = ModelSpecs.parse("""
            {"name": "penguins", "task": {"type": "classification", "classes": 2},
             "input": {"names": ["island", "mass", "sex"], "categorical": {"island": {}, "sex": {"embedding": 2}}},
             "layers": [{"dense": 8, "activation": "relu"}, {"dense": 2}],
             "optimizer": {"adam": {"lr": 0.05}}, "init": {"random": {"seed": 7}}}""");
    private static final List<String> ISLANDS = List.of("Biscoe", "Dream", "Torgersen");

    @Test
    void vocabulariesKeepTheMostFrequentValuesSeenOftenEnough() {
        var spec = ModelSpecs.parse(ModelSpecs.toJson(SPEC).replace("\"island\":{\"maxValues\":1000,\"minCount\":1",
                "\"island\":{\"maxValues\":2,\"minCount\":2"));
        var data = Dataset.classification(new float[] {1, 2, 3, 4, 5}, 1, new long[] {0, 0, 0, 0, 0})
                .withCategories(new String[] {"Dream", "", "Biscoe", "", "Dream", "MALE", "Torgersen", "MALE",
                        "Biscoe", ""}, 2);

        var vocabularies = Vocabularies.fit(spec.input(), data);

        assertThat(vocabularies.of(0)).containsExactly("Biscoe", "Dream");
        assertThat(vocabularies.of(1)).as("a missing value is never a category").containsExactly("MALE");
    }

    @Test
    void theNetworkLearnsFromTheCategoriesAndTrainsTheEmbedding() {
        Dataset data = rows(600, 3);
        try (TrainingSession s = session(data)) {
            var before = s.parameters().get("embedding.sex").floats();
            for (int epoch = 0; epoch < 10; epoch++) {
                data.batches(50).forEach(s::step);
            }
            assertThat(s.evaluate(data).accuracy()).isGreaterThan(0.97);
            assertThat(s.parameters().get("embedding.sex").floats()).isNotEqualTo(before);
        }
    }

    @Test
    void theFrozenProgramReadsRawTextAsTheTrainingGraphDid() throws Exception {
        Dataset data = rows(200, 4);
        try (TrainingSession s = session(data)) {
            data.batches(50).forEach(s::step);
            float[] expected = s.predict(Batch.of(data));
            byte[] frozen = s.freeze(new FreezeMetadata("penguins", "abc", OutputKind.PROBABILITIES, Origin.SPEC,
                    Map.of(), Map.of()));

            float[] served = run(frozen, data.features(), data.categories(), data.rows());
            for (int i = 0; i < expected.length; i++) {
                assertThat(served[i]).isCloseTo(expected[i], within(1e-5f));
            }
            float[] unseen = run(frozen, new float[] {4000}, new String[] {"Atlantis", "UNKNOWN"}, 1);
            assertThat(unseen[0] + unseen[1]).isCloseTo(1f, within(1e-5f));
        }
    }

    private static TrainingSession session(Dataset data) {
        var model = SpecGraphs.forward(SPEC, InputPreparation.fit(SPEC.input(), data), 7);
        return TrainingSession.create(model, SpecGraphs.trainingConfig(SPEC, 7), InitialParameters.random(7));
    }

    /** The class is whether the penguin lives on Biscoe; mass is noise, sex is noise and sometimes missing. */
    private static Dataset rows(int n, long seed) {
        var random = new Random(seed);
        float[] mass = new float[n];
        long[] classes = new long[n];
        String[] text = new String[2 * n];
        for (int r = 0; r < n; r++) {
            String island = ISLANDS.get(random.nextInt(ISLANDS.size()));
            classes[r] = island.equals("Biscoe") ? 1 : 0;
            mass[r] = 3000 + 1000 * random.nextFloat();
            text[2 * r] = island;
            text[2 * r + 1] = random.nextInt(5) == 0 ? "" : random.nextBoolean() ? "MALE" : "FEMALE";
        }
        return Dataset.classification(mass, 1, classes).withCategories(text, 2);
    }

    private static float[] run(byte[] program, float[] numbers, String[] categories, int rows) throws Exception {
        try (OrtSession session = Sessions.open(program, SessionConfig.EXACT);
             OnnxTensor x = OnnxTensor.createTensor(Sessions.env(), FloatBuffer.wrap(numbers), new long[] {rows, 1});
             OnnxTensor c = OnnxTensor.createTensor(Sessions.env(), categories, new long[] {rows, 2});
             OrtSession.Result r = session.run(Map.of(SpecGraphs.INPUT, x, ForwardModel.CATEGORIES, c))) {
            FloatBuffer out = ((OnnxTensor) r.get(0)).getFloatBuffer();
            float[] values = new float[out.remaining()];
            out.get(values);
            return values;
        }
    }
}
