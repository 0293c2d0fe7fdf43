package dev.samuel.reliability;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * How many committed records each key has in some topics, read from the beginning to their current end: what a
 * downstream reader would see. A key sent once and seen twice is a duplicate; a key sent and not seen, a loss.
 */
final class TopicCensus {

    private TopicCensus() {
    }

    static Map<String, Integer> count(Map<String, Object> kafka, String... topics) {
        var config = new HashMap<>(kafka);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        var counts = new HashMap<String, Integer>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            for (var topic : topics) {
                var infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                var partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                var end = consumer.endOffsets(partitions);
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> counts.merge(r.key(), 1, Integer::sum));
                }
            }
        }
        return counts;
    }

    /** How many of the keys the topics hold at all: for keys that must not be there. */
    static long present(Set<String> keys, Map<String, Integer> seen) {
        return keys.stream().filter(seen::containsKey).count();
    }

    /** The losses and duplicates of the keys sent, given what the topics hold. */
    record Verdict(int sent, long lost, long duplicated) {

        static Verdict of(Set<String> sent, Map<String, Integer> seen) {
            long lost = sent.stream().filter(key -> !seen.containsKey(key)).count();
            long duplicated = sent.stream().mapToLong(key -> Math.max(0, seen.getOrDefault(key, 0) - 1)).sum();
            return new Verdict(sent.size(), lost, duplicated);
        }
    }
}
