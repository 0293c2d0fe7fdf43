package dev.samuel.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExampleSetTest {

    final ExampleSet dataset = set(10);

    @Test
    void theSameSeedGivesTheSameOrderAndAnotherSeedAnother() {
        assertThat(dataset.order(42)).isEqualTo(dataset.order(42)).isNotEqualTo(dataset.order(43))
                .isNotEqualTo(IntStream.range(0, 10).toArray()).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void aWindowKeepsTheNewestExamplesAndZeroKeepsAll() {
        assertThat(SplitStoreTest.values(dataset.newest(3))).containsExactly(7f, 8f, 9f);
        assertThat(dataset.newest(0)).isSameAs(dataset);
        assertThat(dataset.newest(25)).isSameAs(dataset);
    }

    @Test
    void chunksReadEveryExampleInOrderAndASampleIsEvenlySpaced() {
        var seen = new ArrayList<Float>();
        for (var chunk : dataset.chunks(4)) {
            chunk.forEach(e -> seen.add(e.features()[0]));
        }

        assertThat(seen).containsExactly(0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f);
        var columns = new ArrayList<Float>();
        for (var chunk : dataset.columnChunks(4)) {
            for (int row = 0; row < chunk.rows(); row++) {
                columns.add(chunk.features()[row]);
            }
        }
        assertThat(columns).isEqualTo(seen);
        assertThat(set(1_000).sample(100)).extracting(e -> e.features()[0]).hasSize(100).startsWith(0f, 10f, 20f);
        assertThat(dataset.sample(100)).hasSize(10);
    }

    /**
     * 10,007 examples in blocks of 16, buffers of 256: each buffer holds 16 blocks from all over the set, the last
     * block (7 examples) makes one buffer a part batch longer, and every example comes once an epoch.
     */
    @Test
    void shuffledBuffersMixBlocksFromAcrossTheSetAndCoverItOnce() {
        var big = set(10_007);
        var buffers = buffers(big, 7);

        assertThat(buffers.stream().flatMap(List::stream).toList())
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 10_007).mapToObj(i -> (float) i).toList());
        assertThat(buffers.stream().filter(buffer -> buffer.size() % 16 != 0)).hasSize(1);
        assertThat(buffers.stream().filter(buffer -> buffer.size() < 256)).hasSizeLessThanOrEqualTo(1);
        // Where the first buffer's examples come from, in tenths of the set: blocks from at least 6 of the 10.
        assertThat(new HashSet<>(buffers.get(0).stream().map(v -> (int) (v / 1000)).toList())).hasSizeGreaterThan(5);
        // Shuffled within the buffer too: neighbours in the file are not neighbours in a batch.
        assertThat(buffers.get(0).get(1) - buffers.get(0).get(0)).isNotEqualTo(1f);
        assertThat(buffers(big, 7)).isEqualTo(buffers);
        assertThat(buffers(big, 8)).isNotEqualTo(buffers);
    }

    private static List<List<Float>> buffers(ExampleSet set, long seed) {
        var buffers = new ArrayList<List<Float>>();
        set.forEachShuffledBuffer(seed, 16, 256, buffer -> {
            var values = new ArrayList<Float>();
            for (int row = 0; row < buffer.rows(); row++) {
                values.add(buffer.features()[row * buffer.featureWidth()]);
            }
            buffers.add(values);
        });
        return buffers;
    }

    private static ExampleSet set(int size) {
        return new ExampleSet(IntStream.range(0, size).mapToObj(SplitStoreTest::example).toList());
    }
}
