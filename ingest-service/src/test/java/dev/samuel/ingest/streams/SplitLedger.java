package dev.samuel.ingest.streams;

import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.testkit.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/** What ingest wrote for a model, read committed: counts per output topic and the splits each key went to. */
record SplitLedger(int train, int test, int rejected, Map<String, Set<String>> splitsByKey) {

    int total() {
        return train + test + rejected;
    }

    List<String> keysInBothSplits() {
        return splitsByKey.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toList());
    }

    /**
     * Reads the three output topics until {@code expected} records have arrived or {@code patience} is over,
     * then a second more so that anything beyond {@code expected} (a duplicate) is counted too.
     */
    static SplitLedger await(KafkaBroker broker, ModelTopics topics, int expected, Duration patience) {
        var counts = new HashMap<String, Integer>();
        var splitsByKey = new HashMap<String, Set<String>>();
        try (var consumer = broker.bytesConsumer(null)) {
            var partitions = new ArrayList<TopicPartition>();
            for (var topic : List.of(topics.train().name(), topics.test().name(), topics.rejected().name())) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + patience.toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    counts.merge(record.topic(), 1, Integer::sum);
                    if (!record.topic().equals(topics.rejected().name())) {
                        splitsByKey.computeIfAbsent(new String(record.key(), StandardCharsets.UTF_8),
                                k -> new TreeSet<>()).add(record.topic());
                    }
                }
                if (quietUntil == Long.MAX_VALUE && counts.values().stream().mapToInt(i -> i).sum() >= expected) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                }
            }
        }
        return new SplitLedger(counts.getOrDefault(topics.train().name(), 0),
                counts.getOrDefault(topics.test().name(), 0),
                counts.getOrDefault(topics.rejected().name(), 0), splitsByKey);
    }
}
