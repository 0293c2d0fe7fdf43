package dev.samuel.inference.scoring;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The transaction in progress: the offsets its polls will commit, and where each polled partition started, so an
 * abort rewinds every poll it held. One transaction spans polls until the commit interval has passed since it began.
 */
final class OpenTransaction {
    private final long began = System.nanoTime();
    private final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    private final Map<TopicPartition, Long> firstOffsets = new HashMap<>();
    private int events;

    /** Adds a scored poll: its offsets (a later poll's replace an earlier one's) and its partitions' first offsets. */
    void add(ConsumerRecords<byte[], byte[]> records, PollScorer.Outcome outcome) {
        records.partitions().forEach(p -> firstOffsets.putIfAbsent(p, records.records(p).get(0).offset()));
        offsets.putAll(outcome.offsets());
        events += records.count();
    }

    Map<TopicPartition, OffsetAndMetadata> offsets() {
        return offsets;
    }

    int events() {
        return events;
    }

    boolean due(Duration interval) {
        return System.nanoTime() - began >= interval.toNanos();
    }

    /** How long the next poll may wait before the transaction is due (at least a millisecond: poll(0) spins). */
    Duration remaining(Duration interval) {
        return Duration.ofNanos(Math.max(1_000_000, interval.toNanos() - (System.nanoTime() - began)));
    }

    /** Seeks every partition this transaction polled, and still assigned, back to its first polled record. */
    void rewind(Consumer<byte[], byte[]> consumer) {
        var assigned = consumer.assignment();
        firstOffsets.forEach((partition, offset) -> {
            if (assigned.contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
    }

    /** Seeks the given partitions of one poll back to their first record of that poll. */
    static void rewind(Consumer<byte[], byte[]> consumer, ConsumerRecords<byte[], byte[]> records,
                       List<TopicPartition> partitions) {
        partitions.forEach(p -> consumer.seek(p, records.records(p).get(0).offset()));
    }
}
