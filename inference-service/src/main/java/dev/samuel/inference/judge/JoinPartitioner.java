package dev.samuel.inference.judge;

import dev.samuel.contracts.topic.KeyPartitions;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Where an example's prediction and label meet: the join task of the partition its id hashes to, the partition Kafka's
 * default partitioner gives a record keyed by that id. A record read from that partition already is joined where it
 * was read: with the platform's layout (a model's predictions, train and test topics have as many partitions as the
 * join, and scoring and ingest key by example id) that is every record of a keyed event. Any other (a keyless event's
 * prediction, a topic with more or fewer partitions) goes through the repartition topic to its task.
 */
final class JoinPartitioner implements StreamPartitioner<String, byte[]> {

    private final int partitions;

    JoinPartitioner(int partitions) {
        this.partitions = partitions;
    }

    /** {@code key}: the join's key, model and example id ({@link JudgeInput#key}). */
    static int partitionOf(String key, int partitions) {
        return KeyPartitions.of(key.substring(key.indexOf('/') + 1), partitions);
    }

    /** Whether an encoded input was read from the partition of its join task. */
    boolean inPlace(String key, byte[] input) {
        return JudgeInput.sourcePartition(input) == partitionOf(key, partitions);
    }

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, byte[] input, int partitionCount) {
        return Optional.of(Set.of(partitionOf(key, partitionCount)));
    }
}
