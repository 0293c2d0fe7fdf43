package dev.samuel.plumbing.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads topics from their beginning to the end they have now, on the caller's thread, as a follower reads them. */
public final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(200);

    private TopicReader() {
    }

    /**
     * What was read: where each partition's reading ended (where following it goes on), and how many records
     * the handler could not apply.
     */
    public record Read(Map<TopicPartition, Long> positions, long skipped) {
    }

    /**
     * @param name the consumer's client id
     * @throws IllegalStateException when the end is not reached within {@code timeout}
     */
    public static Read readToEnd(String name, Map<String, Object> kafka, Collection<String> topics,
                                 RecordHandler handler, Duration timeout) {
        var applier = new SkippingApplier(name, handler);
        try (var consumer = new KafkaConsumer<>(FollowerSettings.consumer(kafka, name), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            var partitions = partitions(consumer, topics);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " could not read " + topics + " to its end within " + timeout);
                }
                consumer.poll(POLL).forEach(applier::apply);
            }
            var positions = new HashMap<TopicPartition, Long>();
            partitions.forEach(p -> positions.put(p, consumer.position(p)));
            return new Read(Map.copyOf(positions), applier.skipped());
        }
    }

    /** The partitions of the topics that exist; a missing topic has nothing to read. */
    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, Collection<String> topics) {
        var partitions = new ArrayList<TopicPartition>();
        for (var topic : topics) {
            var infos = consumer.partitionsFor(topic);
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
        }
        return partitions;
    }
}
