package dev.samuel.inference.judge;

import dev.samuel.contracts.job.JobRecord.DataStart;
import dev.samuel.contracts.monitoring.PerformanceRecord;
import java.time.Instant;
import java.util.HashMap;

/**
 * Where the latest judged examples' labels are, so that a change point the detector gives as "so many examples ago"
 * becomes a place in the model's train and test topics: the first label after the change in each partition, and
 * the earliest label time after it (for the partitions the examples after the change did not reach). Holds the
 * last {@code capacity} examples; a change further back starts at the oldest it holds.
 */
final class ChangeSources {

    private final String[] topics;
    private final int[] partitions;
    private final long[] offsets;
    private final long[] times;
    private long added;

    ChangeSources(int capacity) {
        topics = new String[capacity];
        partitions = new int[capacity];
        offsets = new long[capacity];
        times = new long[capacity];
    }

    void add(PerformanceRecord record) {
        int at = (int) (added++ % topics.length);
        topics[at] = record.topic();
        partitions[at] = record.partition();
        offsets[at] = record.offset();
        times[at] = record.labelledAt().toEpochMilli();
    }

    /** The data start of the last {@code newest} examples. */
    DataStart startOfLast(long newest) {
        long count = Math.min(Math.min(newest, added), topics.length);
        var first = new HashMap<String, Long>();
        long earliest = Long.MAX_VALUE;
        for (long i = added - count; i < added; i++) {
            int at = (int) (i % topics.length);
            first.merge(DataStart.key(topics[at], partitions[at]), offsets[at], Math::min);
            earliest = Math.min(earliest, times[at]);
        }
        return new DataStart(first, count == 0 ? null : Instant.ofEpochMilli(earliest));
    }

    void clear() {
        added = 0;
    }
}
