package dev.samuel.trainer.data;

import dev.samuel.contracts.event.ResolvedExample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.BitSet;

/**
 * One split of a model's examples (its train or its test topic), on disk: an append-only file of rows
 * ({@link RowCodec}); in memory only each row's {@link RowOrigins}, which rows are live, and which row holds each id
 * ({@link IdIndex}). A relabel (an id sent again) appends the new row and retires the old one, so the newest rows are
 * the newest examples, as the compacted topic keeps them; a tombstone retires the id's row. Retired rows stay in the
 * file until the model's data is read anew (a restart, a move, a spec whose input changed). A row that would pass the
 * trainer's disk budget is refused and counted. One thread writes; jobs read {@link #snapshot}s while it does.
 */
final class SplitStore {

    // Per split: a trainer with hundreds of models keeps hundreds of these.
    private static final int WRITE_BUFFER = 128 << 10;

    private final String topic;
    private final Path file;
    private final FileChannel channel;
    private final DiskBudget budget;
    private final ByteBuffer pending = ByteBuffer.allocateDirect(WRITE_BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    private final RowOrigins origins = new RowOrigins();
    private final BitSet live = new BitSet();
    private final IdIndex ids = new IdIndex();
    private long written;
    private int liveRows;
    private long refused;
    private boolean deleted;

    SplitStore(String topic, Path file, DiskBudget budget) {
        this.topic = topic;
        this.file = file;
        this.budget = budget;
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the dataset file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Keeps the example as its id's newest; one past the disk budget is refused and counted (the old row retired). */
    synchronized void put(long id, ResolvedExample example, int partition, long offset, long timestamp) {
        if (deleted) {
            return;
        }
        retire(ids.remove(id));
        int size = RowCodec.size(example);
        if (!budget.reserve(size)) {
            refused++;
            return;
        }
        long start = end();
        append(example, size);
        int row = origins.add(start, partition, offset, timestamp);
        ids.put(id, row);
        live.set(row);
        liveRows++;
    }

    /** A tombstone: the id's example is gone. */
    synchronized void remove(long id) {
        if (!deleted) {
            retire(ids.remove(id));
        }
    }

    synchronized int size() {
        return liveRows;
    }

    /** Bytes of the file, retired rows included. */
    synchronized long bytes() {
        return deleted ? 0 : end();
    }

    /** Examples the disk budget refused. */
    synchronized long refused() {
        return refused;
    }

    /** The live examples whose record {@code keep} keeps, oldest first, readable while more are written. */
    synchronized ExampleSet snapshot(RecordFilter keep) {
        if (deleted) {
            throw new IllegalStateException("the examples of " + topic + " were removed from this trainer: it no"
                    + " longer owns the model, or the model was deleted");
        }
        flush();
        int[] rows = new int[liveRows];
        int kept = 0;
        for (int row = live.nextSetBit(0); row >= 0; row = live.nextSetBit(row + 1)) {
            if (keep == RecordFilter.ALL || origins.keeps(row, topic, keep)) {
                rows[kept++] = row;
            }
        }
        return ExampleSet.stored(new StoredRows(file, origins.view(written)),
                kept == rows.length ? rows : Arrays.copyOf(rows, kept));
    }

    /** Removes the file and gives its bytes back to the budget; a job still reading it fails. */
    synchronized void delete() {
        if (deleted) {
            return;
        }
        deleted = true;
        budget.release(end());
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the dataset file " + file + ": " + e.getMessage(), e);
        }
    }

    private void retire(int row) {
        if (row >= 0) {
            live.clear(row);
            liveRows--;
        }
    }

    private long end() {
        return written + pending.position();
    }

    private void append(ResolvedExample example, int size) {
        if (pending.remaining() < size) {
            flush();
        }
        if (size <= pending.capacity()) {
            RowCodec.write(example, pending);
            return;
        }
        var large = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        RowCodec.write(example, large);
        writeFully(large.flip());
    }

    private void flush() {
        writeFully(pending.flip());
        pending.clear();
    }

    private void writeFully(ByteBuffer bytes) {
        try {
            while (bytes.hasRemaining()) {
                written += channel.write(bytes, written);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dataset file " + file + ": " + e.getMessage(), e);
        }
    }
}
