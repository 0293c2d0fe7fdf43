package dev.samuel.trainer.data;

import dev.samuel.contracts.event.ResolvedExample;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The examples a job trains or is judged on, oldest first: rows of a split's file on disk (a {@link ModelData}
 * snapshot) or a list in memory. Read whole ({@link #examples()}) where they fit in memory, else in chunks in order
 * ({@link #chunks}) or an epoch at a time in shuffled buffers ({@link #forEachShuffledBuffer}).
 */
public final class ExampleSet {

    /** Where the rows are read from. */
    interface Rows {

        /** The examples of {@code rows[from..to)}, in that order. */
        ResolvedExample[] read(int[] rows, int from, int to);

        /** The same, laid out in columns: {@code rows[from + i]} becomes row {@code i}. */
        void read(int[] rows, int from, int to, ExampleColumns into);
    }

    private final Rows source;
    private final int[] rows;

    private ExampleSet(Rows source, int[] rows) {
        this.source = source;
        this.rows = rows;
    }

    /** Examples held in memory. */
    public ExampleSet(List<ResolvedExample> examples) {
        this(inMemory(List.copyOf(examples)), range(examples.size()));
    }

    static ExampleSet stored(Rows source, int[] rows) {
        return new ExampleSet(source, rows);
    }

    public int size() {
        return rows.length;
    }

    public boolean isEmpty() {
        return rows.length == 0;
    }

    /** The newest {@code window} examples; all of them when {@code window} is 0. */
    public ExampleSet newest(long window) {
        if (window <= 0 || window >= rows.length) {
            return this;
        }
        return new ExampleSet(source, Arrays.copyOfRange(rows, rows.length - (int) window, rows.length));
    }

    /** All the examples, read into memory. */
    public List<ResolvedExample> examples() {
        return List.of(source.read(rows, 0, rows.length));
    }

    /** The examples in order, {@code size} at a time, read as the iteration goes (each pass reads them again). */
    public Iterable<List<ResolvedExample>> chunks(int size) {
        return chunks(size, (from, to) -> List.of(source.read(rows, from, to)));
    }

    /** The same, each chunk laid out in columns. */
    public Iterable<ExampleColumns> columnChunks(int size) {
        return chunks(size, (from, to) -> {
            var chunk = new ExampleColumns(to - from);
            source.read(rows, from, to, chunk);
            return chunk;
        });
    }

    private <T> Iterable<T> chunks(int size, BiFunction<Integer, Integer, T> read) {
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < rows.length;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int from = next;
                next = Math.min(rows.length, from + size);
                return read.apply(from, next);
            }
        };
    }

    /** At most {@code max} examples, evenly spaced through the set. */
    public List<ResolvedExample> sample(int max) {
        int stride = Math.max(1, (rows.length + max - 1) / max);
        int[] picked = new int[(rows.length + stride - 1) / stride];
        for (int i = 0; i < picked.length; i++) {
            picked[i] = rows[i * stride];
        }
        return List.of(source.read(picked, 0, picked.length));
    }

    /** The examples' indices in the order shuffled by {@code seed} (Fisher-Yates), for a set laid out in memory. */
    public int[] order(long seed) {
        int[] order = range(rows.length);
        shuffle(order, new Random(seed));
        return order;
    }

    /**
     * An epoch over a set larger than memory, shuffled by {@code seed} in two stages: the set is cut into blocks of
     * {@code block} neighbouring examples, the blocks are visited in shuffled order, and every {@code bufferRows}
     * examples of them (whole blocks) are shuffled among themselves, read together and handed over, laid out in
     * columns. Each buffer thus mixes examples from {@code bufferRows / block} places spread over the whole set, and
     * is read in few large reads. With {@code block} the batch size and {@code bufferRows} a multiple of it, every
     * buffer cuts into whole batches but the one holding the set's last, short block. The same seed and data give the
     * same buffers.
     */
    public void forEachShuffledBuffer(long seed, int block, int bufferRows, Consumer<ExampleColumns> buffers) {
        forEachShuffledBuffer(seed, block, bufferRows, ExampleColumns::new, buffers);
    }

    /** The same, each buffer of {@code n} rows filled into {@code room.apply(n)} (an instance handed back to reuse). */
    public void forEachShuffledBuffer(long seed, int block, int bufferRows, IntFunction<ExampleColumns> room,
                                      Consumer<ExampleColumns> buffers) {
        var random = new Random(seed);
        int[] blocks = range((rows.length + block - 1) / block);
        shuffle(blocks, random);
        int[] picked = new int[bufferRows + block];
        int count = 0;
        for (int b = 0; b < blocks.length; b++) {
            int from = blocks[b] * block;
            int length = Math.min(rows.length, from + block) - from;
            System.arraycopy(rows, from, picked, count, length);
            count += length;
            if (count >= bufferRows || b == blocks.length - 1) {
                shuffle(picked, count, random);
                var buffer = room.apply(count);
                source.read(picked, 0, count, buffer);
                buffers.accept(buffer);
                count = 0;
            }
        }
    }

    private static Rows inMemory(List<ResolvedExample> examples) {
        return new Rows() {
            @Override
            public ResolvedExample[] read(int[] rows, int from, int to) {
                var out = new ResolvedExample[to - from];
                for (int i = from; i < to; i++) {
                    out[i - from] = examples.get(rows[i]);
                }
                return out;
            }

            @Override
            public void read(int[] rows, int from, int to, ExampleColumns into) {
                into.copy(List.of(read(rows, from, to)));
            }
        };
    }

    private static int[] range(int size) {
        int[] range = new int[size];
        for (int i = 0; i < size; i++) {
            range[i] = i;
        }
        return range;
    }

    private static void shuffle(int[] values, Random random) {
        shuffle(values, values.length, random);
    }

    /** Fisher-Yates over the first {@code count} values. */
    private static void shuffle(int[] values, int count, Random random) {
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
