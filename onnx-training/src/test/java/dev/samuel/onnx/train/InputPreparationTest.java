package dev.samuel.onnx.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.ModelSpecs;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What a job learns about its inputs is the same whether its data comes whole or in chunks (from disk). */
class InputPreparationTest {

    private static final ModelSpec SPEC = ModelSpecs.parse("""
            {"name": "loans", "task": {"type": "classification", "classes": 2},
             "input": {"names": ["income", "debt", "region"], "missing": {"debt": "mean"},
                       "categorical": {"region": {"maxValues": 3}}, "standardize": true},
             "layers": [{"dense": 2}]}""");

    @Test
    void fittingChunksGivesWhatFittingTheWholeGives() {
        var whole = rows(1_003, 5);
        var chunks = new ArrayList<Dataset>();
        for (int from = 0; from < whole.rows(); from += 97) {
            chunks.add(whole.slice(from, Math.min(whole.rows(), from + 97)));
        }

        var once = InputPreparation.fit(SPEC.input(), whole);
        var chunked = InputPreparation.fit(SPEC.input(), chunks);

        assertThat(chunked.imputation()).isEqualTo(once.imputation());
        assertThat(chunked.imputation().fills()[0]).isBetween(40f, 60f);
        assertThat(chunked.vocabularies()).isEqualTo(once.vocabularies());
        assertThat(chunked.vocabularies().of(0)).hasSize(3);
        assertThat(chunked.standardization().mean()).containsExactly(once.standardization().mean());
        assertThat(chunked.standardization().std()).containsExactly(once.standardization().std());
    }

    @Test
    void aPassWithNothingToLearnReadsNothing() {
        var plain = ModelSpecs.parse("""
                {"name": "plain", "task": {"type": "classification", "classes": 2},
                 "input": {"features": 2, "standardize": false},
                 "layers": [{"dense": 2}]}""");
        Iterable<Dataset> unreadable = () -> {
            throw new AssertionError("read");
        };

        var prepared = InputPreparation.fit(plain.input(), unreadable);

        assertThat(prepared.imputation().isEmpty()).isTrue();
        assertThat(prepared.vocabularies().columns()).isZero();
        assertThat(prepared.standardization()).isNull();
    }

    private static Dataset rows(int n, long seed) {
        var random = new Random(seed);
        float[] x = new float[2 * n];
        long[] classes = new long[n];
        String[] regions = new String[n];
        for (int r = 0; r < n; r++) {
            classes[r] = random.nextInt(2);
            x[2 * r] = 1000 + 200 * (float) random.nextGaussian();
            x[2 * r + 1] = random.nextInt(4) == 0 ? Float.NaN : 100 * random.nextFloat();
            regions[r] = random.nextInt(6) == 0 ? "" : List.of("north", "south", "east", "west", "isles").get(
                    random.nextInt(5));
        }
        return Dataset.classification(x, 2, classes).withCategories(regions, 1);
    }
}
