package dev.samuel.trainer.data;

import java.util.Arrays;

/**
 * What a split keeps in memory of each row, in primitive arrays (28 bytes a row): where it starts in the split's file,
 * and the record it was read from (partition, offset, Kafka timestamp), which a job's data start filters on. Arrays
 * only grow, and a grown one is a new array, so a {@link #view} taken under the split's lock stays true for its rows
 * while rows are added.
 */
final class RowOrigins {

    private long[] starts = new long[1024];
    private int[] partitions = new int[1024];
    private long[] offsets = new long[1024];
    private long[] timestamps = new long[1024];
    private int rows;

    /** Adds a row; returns its number. */
    int add(long start, int partition, long offset, long timestamp) {
        if (rows == starts.length) {
            int grown = rows * 2;
            starts = Arrays.copyOf(starts, grown);
            partitions = Arrays.copyOf(partitions, grown);
            offsets = Arrays.copyOf(offsets, grown);
            timestamps = Arrays.copyOf(timestamps, grown);
        }
        starts[rows] = start;
        partitions[rows] = partition;
        offsets[rows] = offset;
        timestamps[rows] = timestamp;
        return rows++;
    }

    int rows() {
        return rows;
    }

    boolean keeps(int row, String topic, RecordFilter filter) {
        return filter.keeps(topic, partitions[row], offsets[row], timestamps[row]);
    }

    /** The rows so far, as far as {@code end}, the bytes written: where each row starts and ends. */
    View view(long end) {
        return new View(starts, rows, end);
    }

    /** Where the rows of a snapshot lie in the file. */
    record View(long[] starts, int rows, long end) {

        long start(int row) {
            return starts[row];
        }

        int length(int row) {
            return (int) ((row + 1 < rows ? starts[row + 1] : end) - starts[row]);
        }
    }
}
