package dev.samuel.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.event.ResolvedExample;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExampleSetTest {

    final ExampleSet dataset = new ExampleSet(IntStream.range(0, 10).mapToObj(ExampleWindowTest::example).toList());

    @Test
    void batchesCoverEveryExampleOnceInBatchesOfTheGivenSize() {
        var sizes = new ArrayList<Integer>();
        var seen = new ArrayList<Float>();
        dataset.forEachBatch(4, 42, batch -> {
            sizes.add(batch.size());
            batch.forEach(e -> seen.add(e.features()[0]));
        });

        assertThat(sizes).containsExactly(4, 4, 2);
        assertThat(seen).containsExactlyInAnyOrder(0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f);
    }

    @Test
    void theSameSeedGivesTheSameOrderAndAnotherSeedAnother() {
        assertThat(order(42)).isEqualTo(order(42));
        assertThat(order(42)).isNotEqualTo(order(43));
        assertThat(order(42)).isNotEqualTo(List.of(0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f));
    }

    @Test
    void aWindowKeepsTheNewestExamplesAndZeroKeepsAll() {
        assertThat(firstFeatures(dataset.newest(3))).containsExactly(7f, 8f, 9f);
        assertThat(dataset.newest(0)).isSameAs(dataset);
        assertThat(dataset.newest(25)).isSameAs(dataset);
    }

    private static List<Float> firstFeatures(ExampleSet data) {
        return data.examples().stream().map(e -> e.features()[0]).toList();
    }

    private List<Float> order(long seed) {
        var seen = new ArrayList<Float>();
        dataset.forEachBatch(3, seed, batch -> batch.stream().map(ResolvedExample::features).forEach(f -> seen.add(f[0])));
        return seen;
    }
}
