package dev.samuel.trainer.data;

import dev.samuel.contracts.job.JobRecord;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Which held examples a job whose data starts at a {@link JobRecord.DataStart} may use: in a partition its
 * {@code offsets} list, those at or after the listed offset; in any other partition, those with a Kafka timestamp at
 * or after its {@code timestamp} (all of them when it has none). Keys of topics other than the model's train and test
 * topics match no example and change nothing.
 */
public final class DataStartFilter implements RecordFilter {

    private final Map<TopicPartition, Long> offsets;
    private final long timestamp;

    private DataStartFilter(Map<TopicPartition, Long> offsets, long timestamp) {
        this.offsets = offsets;
        this.timestamp = timestamp;
    }

    /**
     * Reads the start's partition keys ({@code "<topic>/<partition>"}).
     *
     * @throws IllegalArgumentException naming a key that is not a topic, a slash and a partition number
     */
    public static DataStartFilter of(JobRecord.DataStart start) {
        var offsets = new HashMap<TopicPartition, Long>();
        start.offsets().forEach((key, offset) -> offsets.put(partition(key), offset));
        return new DataStartFilter(offsets, start.timestamp() == null ? Long.MIN_VALUE
                : start.timestamp().toEpochMilli());
    }

    private static TopicPartition partition(String key) {
        int slash = key.lastIndexOf('/');
        if (slash > 0 && slash < key.length() - 1 && key.substring(slash + 1).chars().allMatch(Character::isDigit)
                && key.length() - slash - 1 <= 9) {
            return new TopicPartition(key.substring(0, slash), Integer.parseInt(key.substring(slash + 1)));
        }
        throw new IllegalArgumentException("dataFrom.offsets key '" + key + "' is not <topic>/<partition>");
    }

    @Override
    public boolean keeps(String topic, int partition, long offset, long timestamp) {
        var first = offsets.get(new TopicPartition(topic, partition));
        return first != null ? offset >= first : timestamp >= this.timestamp;
    }
}
