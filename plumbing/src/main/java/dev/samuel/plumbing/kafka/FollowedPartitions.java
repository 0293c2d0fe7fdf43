package dev.samuel.plumbing.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a follower's consumer is assigned: the topics asked for are looked up and assigned from their beginning,
 * the partitions given with offsets from those offsets; topics no longer followed are dropped. Asked for from any
 * thread; assigned on the follower's.
 */
final class FollowedPartitions {

    private static final Logger LOG = LoggerFactory.getLogger(FollowedPartitions.class);

    private final String name;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final FollowerProgress progress;
    private final PendingTopics pending = new PendingTopics();
    private final ConcurrentLinkedQueue<Map<TopicPartition, Long>> startsAt = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Set<String>> unfollowed = new ConcurrentLinkedQueue<>();
    private final Set<TopicPartition> assigned = new HashSet<>();
    private final Set<String> denied = new HashSet<>();

    FollowedPartitions(String name, KafkaConsumer<byte[], byte[]> consumer, FollowerProgress progress) {
        this.name = name;
        this.consumer = consumer;
        this.progress = progress;
    }

    void follow(Iterable<String> topics) {
        pending.add(topics);
    }

    /**
     * Drops the topics at once from those still to be found and from those read to an end (so a wait for them,
     * followed again, waits for the new reading), and from the assignment at the next look.
     */
    void unfollow(Collection<String> topics) {
        var dropped = Set.copyOf(topics);
        pending.remove(dropped);
        progress.unfollowed(dropped);
        unfollowed.add(dropped);
    }

    void followFrom(Map<TopicPartition, Long> offsets) {
        startsAt.add(Map.copyOf(offsets));
    }

    PendingTopics pending() {
        return pending;
    }

    Set<TopicPartition> assigned() {
        return assigned;
    }

    /** Assigns the partitions asked for since the last look, from the beginning or from the offsets given. */
    void assignNew() {
        // Dropped first: a topic unfollowed, then followed again, is read anew from its beginning.
        for (var topics = unfollowed.poll(); topics != null; topics = unfollowed.poll()) {
            drop(topics);
        }
        var starts = new HashMap<TopicPartition, Optional<Long>>();
        for (var offsets = startsAt.poll(); offsets != null; offsets = startsAt.poll()) {
            offsets.forEach((partition, offset) -> starts.put(partition, Optional.of(offset)));
        }
        var found = new ArrayList<String>();
        for (var topic : pending.due()) {
            var partitions = lookUp(topic);
            if (partitions.isEmpty()) {
                pending.missing(topic);
            } else {
                partitions.forEach(p -> starts.put(new TopicPartition(topic, p.partition()), Optional.empty()));
                found.add(topic);
            }
        }
        if (starts.isEmpty()) {
            return;
        }
        var ends = consumer.endOffsets(starts.keySet());
        assigned.addAll(starts.keySet());
        consumer.assign(assigned);
        starts.forEach((partition, offset) -> {
            offset.ifPresentOrElse(o -> consumer.seek(partition, o), () -> consumer.seekToBeginning(Set.of(partition)));
            progress.started(partition, ends.get(partition));
        });
        found.forEach(pending::found);
    }

    private void drop(Set<String> topics) {
        if (assigned.removeIf(partition -> topics.contains(partition.topic()))) {
            consumer.assign(assigned);
        }
        progress.forget(topics);
    }

    /** The topic's partitions; none when it does not exist (yet) or may not be read. */
    private List<PartitionInfo> lookUp(String topic) {
        try {
            var partitions = consumer.partitionsFor(topic);
            return partitions == null ? List.of() : partitions;
        } catch (TopicAuthorizationException e) {
            deny(Set.of(topic));
            return List.of();
        }
    }

    /** Stops reading topics it may not read, and looks for them again later: the others must go on. */
    void deny(Set<String> topics) {
        if (assigned.removeIf(partition -> topics.contains(partition.topic()))) {
            consumer.assign(assigned);
        }
        topics.forEach(pending::denied);
        for (var topic : topics) {
            if (denied.add(topic)) {
                LOG.error("{} may not read {}; it follows the other topics and tries again every {}", name, topic,
                        PendingTopics.LAST_RETRY);
            }
        }
    }
}
