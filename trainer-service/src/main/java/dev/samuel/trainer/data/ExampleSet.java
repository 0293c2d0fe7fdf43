package dev.samuel.trainer.data;

import dev.samuel.contracts.event.ResolvedExample;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/** An immutable list of resolved examples, with the mini-batch order of a job. */
public record ExampleSet(List<ResolvedExample> examples) {

    public ExampleSet {
        examples = List.copyOf(examples);
    }

    public int size() {
        return examples.size();
    }

    public boolean isEmpty() {
        return examples.isEmpty();
    }

    /** The newest {@code window} examples (the list is oldest first); all of them when {@code window} is 0. */
    public ExampleSet newest(long window) {
        if (window <= 0 || window >= examples.size()) {
            return this;
        }
        return new ExampleSet(examples.subList(examples.size() - (int) window, examples.size()));
    }

    /**
     * Visits the examples in mini-batches of at most {@code batchSize}, in an order shuffled by {@code seed}
     * (Fisher-Yates over the indices), so a job with the same seed and data sees the same batches.
     */
    public void forEachBatch(int batchSize, long seed, Consumer<List<ResolvedExample>> batch) {
        int[] order = order(seed);
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            var items = new ResolvedExample[end - start];
            for (int i = start; i < end; i++) {
                items[i - start] = examples.get(order[i]);
            }
            batch.accept(List.of(items));
        }
    }

    /** The examples' indices in the order shuffled by {@code seed} (Fisher-Yates), as {@link #forEachBatch} visits them. */
    public int[] order(long seed) {
        var random = new Random(seed);
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
