package dev.samuel.trainer.data;

import dev.samuel.contracts.event.ResolvedExample;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A snapshot's rows read back from a split's file. The rows asked for are read in file order, neighbours in one read
 * of up to {@link #SPAN} bytes (a shuffled epoch asks for runs of neighbours: see {@link ExampleSet}), and handed back
 * in the order asked for. Each call reads through a file handle of its own, not the writer's channel: an interrupt
 * (a job stopped mid-read) closes an NIO channel, and must not close the one the follower appends through.
 */
record StoredRows(Path file, RowOrigins.View view) implements ExampleSet.Rows {

    private static final int SPAN = 1 << 20;

    @Override
    public ResolvedExample[] read(int[] rows, int from, int to) {
        var out = new ResolvedExample[to - from];
        forEachRow(rows, from, to, (asked, bytes) -> out[asked] = RowCodec.read(bytes));
        return out;
    }

    @Override
    public void read(int[] rows, int from, int to, ExampleColumns into) {
        forEachRow(rows, from, to, (asked, bytes) -> RowCodec.read(bytes, into, asked));
    }

    /** Where the bytes of one row asked for start. */
    @FunctionalInterface
    private interface RowBytes {
        void at(int asked, ByteBuffer bytes);
    }

    /** Hands each row asked for to {@code rows}, by its place among those asked for, reading them in file order. */
    private void forEachRow(int[] rows, int from, int to, RowBytes visit) {
        // Row number in the high half, place asked for in the low half: one primitive sort puts them in file order.
        long[] byRow = new long[to - from];
        for (int i = 0; i < byRow.length; i++) {
            byRow[i] = ((long) rows[from + i] << 32) | i;
        }
        Arrays.sort(byRow);
        try (var in = new RandomAccessFile(file.toFile(), "r")) {
            var buffer = new byte[SPAN];
            for (int first = 0; first < byRow.length; ) {
                int last = first;
                long spanStart = view.start(row(byRow[first]));
                while (last + 1 < byRow.length && end(row(byRow[last + 1])) - spanStart <= SPAN) {
                    last++;
                }
                int length = (int) (end(row(byRow[last])) - spanStart);
                buffer = length <= buffer.length ? buffer : new byte[length];
                in.seek(spanStart);
                in.readFully(buffer, 0, length);
                var span = ByteBuffer.wrap(buffer, 0, length).order(ByteOrder.LITTLE_ENDIAN);
                for (int k = first; k <= last; k++) {
                    span.position((int) (view.start(row(byRow[k])) - spanStart));
                    visit.at((int) byRow[k], span);
                }
                first = last + 1;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dataset file " + file + ": " + e, e);
        }
    }

    private static int row(long byRow) {
        return (int) (byRow >>> 32);
    }

    private long end(int row) {
        return view.start(row) + view.length(row);
    }
}
