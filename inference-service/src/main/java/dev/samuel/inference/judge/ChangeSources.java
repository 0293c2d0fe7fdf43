package dev.samuel.inference.judge;

import dev.samuel.contracts.job.JobRecord.DataStart;
import dev.samuel.contracts.monitoring.PerformanceRecord;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the latest judged examples' labels are, so that a change point the detector gives as "so many examples ago"
 * becomes a place in the model's train and test topics: the first label after the change in each partition, and
 * the time of the change (for the partitions the examples after it did not reach). Holds the last {@code capacity}
 * examples.
 *
 * <p>The detector counts examples in the order the judge wrote them, which is the labels' order only roughly: the
 * join's tasks interleave, and one that lags delivers labels of the old concept after labels of the new. So "the last
 * {@code n}" are taken by label time, the {@code n} newest labels among those held, and a straggler from before the
 * change does not pull the start of a job's data back into the old concept.
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

    /** The data start of the {@code newest} examples by label time; everything held when there are not that many. */
    DataStart startOfLast(long newest) {
        int held = (int) Math.min(added, topics.length);
        if (held == 0 || newest <= 0) {
            return new DataStart(Map.of(), null);
        }
        long since = timeOfNewest((int) Math.min(newest, held), held);
        var first = new HashMap<String, Long>();
        for (int at = 0; at < held; at++) {
            if (times[at] >= since) {
                first.merge(DataStart.key(topics[at], partitions[at]), offsets[at], Math::min);
            }
        }
        return new DataStart(first, Instant.ofEpochMilli(since));
    }

    /** The label time of the {@code count}-th newest label held. */
    private long timeOfNewest(int count, int held) {
        long[] sorted = Arrays.copyOf(times, held);
        Arrays.sort(sorted);
        return sorted[held - count];
    }

    void clear() {
        added = 0;
    }
}
