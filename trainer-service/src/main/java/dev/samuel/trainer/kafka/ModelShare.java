package dev.samuel.trainer.kafka;

import dev.samuel.contracts.topic.KeyPartitions;
import java.util.HashSet;
import java.util.Set;

/**
 * Some partitions of {@code samuel.jobs}, and so the models whose names hash to them: a model belongs to the trainer
 * holding its {@link #home} partition.
 *
 * @param partitions     the partitions held
 * @param partitionCount how many partitions the topic has (a model's home depends on it)
 */
public record ModelShare(Set<Integer> partitions, int partitionCount) {

    public static final ModelShare NONE = new ModelShare(Set.of(), 1);

    public ModelShare {
        partitions = Set.copyOf(partitions);
    }

    /** The partition that decides which trainer owns the model: Kafka's hash of its name, as keys are partitioned. */
    public static int home(String model, int partitionCount) {
        return KeyPartitions.of(model, partitionCount);
    }

    public boolean includes(String model) {
        return partitions.contains(home(model, partitionCount));
    }

    public ModelShare plus(ModelShare other) {
        var all = new HashSet<>(partitions);
        all.addAll(other.partitions);
        return new ModelShare(all, other.partitionCount);
    }

    public ModelShare minus(ModelShare other) {
        var left = new HashSet<>(partitions);
        left.removeAll(other.partitions);
        return new ModelShare(left, other.partitionCount);
    }
}
