package dev.samuel.trainer.engine;

import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.onnx.train.Batch;
import dev.samuel.onnx.train.Dataset;
import dev.samuel.trainer.data.ExampleColumns;
import dev.samuel.trainer.data.ExampleSet;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;

/**
 * A job's mini-batches, epoch after epoch, shuffled anew each epoch. A training set that fits in
 * {@link #BUFFER_BYTES} is laid out once and its batches gathered from it in the epoch's order (a full Fisher-Yates
 * shuffle), ahead of their steps ({@link ReadAhead}); a larger one is read from disk each epoch in shuffled buffers of that size
 * ({@link ExampleSet#forEachShuffledBuffer}: blocks of one batch's neighbours in shuffled order, shuffled again
 * within each buffer), the next one read while the current one trains ({@link ReadAhead}), so the heap holds three
 * buffers at most, not the set.
 */
final class EpochBatches {

    /** Memory for the examples a job holds at once: the laid-out set, or one buffer of it. */
    static final long BUFFER_BYTES = 64L << 20;

    /** Batches of a laid-out set gathered together, ahead of their steps. */
    private static final int GATHERED = 16;

    private final ModelSpec spec;
    private final ExampleSet set;
    private final int batchSize;
    private final int bufferRows;
    private final Dataset inMemory;
    private final Queue<ExampleColumns> spare = new ConcurrentLinkedQueue<>();

    private EpochBatches(ModelSpec spec, ExampleSet set, long bufferBytes) {
        this.spec = spec;
        this.set = set;
        this.batchSize = spec.training().batchSize();
        this.bufferRows = bufferRows(spec, batchSize, bufferBytes);
        this.inMemory = set.size() <= bufferRows ? TrainingData.of(spec, set.examples()) : null;
    }

    /** @param bufferBytes memory for the examples held at once ({@link #BUFFER_BYTES} but in tests) */
    static EpochBatches of(ModelSpec spec, ExampleSet set, long bufferBytes) {
        return new EpochBatches(spec, set, bufferBytes);
    }

    /** The set laid out in chunks of a buffer, in order: what the job learns its input preparation from. */
    Iterable<Dataset> chunks() {
        if (inMemory != null) {
            return List.of(inMemory);
        }
        return () -> StreamSupport.stream(set.columnChunks(bufferRows).spliterator(), false)
                .map(chunk -> TrainingData.of(spec, chunk)).iterator();
    }

    /**
     * Hands every mini-batch of an epoch shuffled by {@code seed} to {@code step}. Either way the examples of the
     * coming batches are gathered on the read-ahead thread, so the steps do not wait for their copying.
     */
    void forEach(long seed, Consumer<Batch> step) throws InterruptedException {
        if (inMemory != null) {
            try (var ahead = new ReadAhead<>(gathered(set.order(seed)))) {
                for (var data = ahead.next(); data != null; data = ahead.next()) {
                    steps(data, step);
                }
            }
            return;
        }
        try (var ahead = new ReadAhead<ExampleColumns>(buffers -> set.forEachShuffledBuffer(seed, batchSize,
                bufferRows, this::room, buffers))) {
            for (var buffer = ahead.next(); buffer != null; buffer = ahead.next()) {
                steps(TrainingData.of(spec, buffer), step);
                if (buffer.rows() == bufferRows) {
                    spare.offer(buffer);
                }
            }
        }
    }

    private void steps(Dataset data, Consumer<Batch> step) {
        for (int from = 0; from < data.rows(); from += batchSize) {
            step.accept(data.batch(from, Math.min(data.rows(), from + batchSize)));
        }
    }

    /**
     * A buffer to fill: a full one trained on already (its rows were copied into the steps' tensors) when there is
     * one, so an epoch allocates its three 64 MB buffers once, not one per buffer (a collection each).
     */
    private ExampleColumns room(int rows) {
        var reused = rows == bufferRows ? spare.poll() : null;
        return reused != null ? reused : new ExampleColumns(rows);
    }

    /** The laid-out set in the epoch's order, {@link #GATHERED} batches at a time: the same batches as one by one. */
    private ReadAhead.Epoch<Dataset> gathered(int[] order) {
        int chunk = GATHERED * batchSize;
        return buffers -> {
            for (int from = 0; from < order.length; from += chunk) {
                buffers.accept(inMemory.gather(order, from, Math.min(order.length, from + chunk)));
            }
        };
    }

    /** Whole batches of examples in {@code bufferBytes}, reckoned from the spec's row (floats, and text at 16 bytes). */
    private static int bufferRows(ModelSpec spec, int batchSize, long bufferBytes) {
        int targets = spec.task().outputs() == null ? 1 : spec.task().outputs();
        long rowBytes = Float.BYTES * (spec.input().featureCount() + targets + 1L)
                + 16L * spec.input().categorical().size();
        long batches = Math.max(1, bufferBytes / rowBytes / batchSize);
        return (int) Math.min(Integer.MAX_VALUE / 2, batches * batchSize);
    }
}
