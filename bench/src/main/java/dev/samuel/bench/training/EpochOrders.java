package dev.samuel.bench.training;

import dev.samuel.onnx.train.Batch;
import dev.samuel.onnx.train.Dataset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The CNN benchmarks' example orders: epoch after epoch a fresh shuffle drawn from one {@code Random(42)}, so every
 * side that starts its own {@code EpochOrders} over data of the same rows trains on the same sequence of orders.
 */
public final class EpochOrders {
    private final Dataset data;
    private final int batchSize;
    private final Random rng = new Random(42);

    public EpochOrders(Dataset data, int batchSize) {
        this.data = data;
        this.batchSize = batchSize;
    }

    /** The next epoch's batches: the examples in the next order, cut as {@link Dataset#batches} cuts them. */
    public List<Batch> next() {
        return shuffled(data, rng).batches(batchSize);
    }

    /** The examples in a fresh random order (the same sequence of orders for the same seed). */
    static Dataset shuffled(Dataset data, Random rng) {
        int n = data.rows();
        int f = data.featureCount();
        List<Integer> perm = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            perm.add(i);
        }
        Collections.shuffle(perm, rng);
        float[] x = new float[n * f];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(data.features(), perm.get(i) * f, x, i * f, f);
            y[i] = data.classes()[perm.get(i)];
        }
        return Dataset.classification(x, f, y);
    }
}
