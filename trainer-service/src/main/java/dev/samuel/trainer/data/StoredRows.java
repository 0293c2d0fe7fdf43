package dev.samuel.trainer.data;

import dev.samuel.contracts.event.ResolvedExample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A snapshot's rows read back from a split's file. The rows asked for are read in file order, neighbours in one read
 * of up to {@link #SPAN} bytes (a shuffled epoch asks for runs of neighbours: see {@link ExampleSet}), and handed back
 * in the order asked for.
 */
record StoredRows(Path file, FileChannel channel, RowOrigins.View view) implements ExampleSet.Rows {

    private static final int SPAN = 1 << 20;

    @Override
    public ResolvedExample[] read(int[] rows, int from, int to) {
        // Row number in the high half, place asked for in the low half: one primitive sort puts them in file order.
        long[] byRow = new long[to - from];
        for (int i = 0; i < byRow.length; i++) {
            byRow[i] = ((long) rows[from + i] << 32) | i;
        }
        Arrays.sort(byRow);
        var out = new ResolvedExample[byRow.length];
        var buffer = ByteBuffer.allocate(SPAN).order(ByteOrder.LITTLE_ENDIAN);
        for (int first = 0; first < byRow.length; ) {
            int last = first;
            long spanStart = view.start(row(byRow[first]));
            while (last + 1 < byRow.length && end(row(byRow[last + 1])) - spanStart <= SPAN) {
                last++;
            }
            buffer = read(spanStart, end(row(byRow[last])), buffer);
            for (int k = first; k <= last; k++) {
                buffer.position((int) (view.start(row(byRow[k])) - spanStart));
                out[(int) byRow[k]] = RowCodec.read(buffer);
            }
            first = last + 1;
        }
        return out;
    }

    private static int row(long byRow) {
        return (int) (byRow >>> 32);
    }

    private long end(int row) {
        return view.start(row) + view.length(row);
    }

    private ByteBuffer read(long start, long end, ByteBuffer buffer) {
        int length = (int) (end - start);
        var into = length <= buffer.capacity() ? buffer.clear().limit(length)
                : ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        try {
            while (into.hasRemaining()) {
                if (channel.read(into, start + into.position()) < 0) {
                    throw new IOException("the file ends at " + (start + into.position()) + ", before " + end);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dataset file " + file + ": " + e, e);
        }
        return into.flip();
    }
}
