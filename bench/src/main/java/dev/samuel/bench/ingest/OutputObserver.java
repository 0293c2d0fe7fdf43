package dev.samuel.bench.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Counts committed records arriving on some topics, and times them from the first seen to the last. */
final class OutputObserver {

    private final String bootstrap;
    private final List<String> topics;

    OutputObserver(String bootstrap, List<String> topics) {
        this.bootstrap = bootstrap;
        this.topics = topics;
    }

    /** Records per second over the arrival of {@code expected} records; fails after {@code patience}. */
    double await(int expected, Duration patience) {
        var config = Map.<String, Object>of("bootstrap.servers", bootstrap, "isolation.level", "read_committed",
                "max.partition.fetch.bytes", 8 << 20, "fetch.max.bytes", 64 << 20);
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions = new ArrayList<TopicPartition>();
            topics.forEach(t -> consumer.partitionsFor(t).forEach(p -> partitions.add(new TopicPartition(t, p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + patience.toNanos();
            long first = 0;
            int seen = 0;
            while (seen < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + seen + " of " + expected + " records arrived on " + topics);
                }
                int count = consumer.poll(Duration.ofMillis(50)).count();
                if (count > 0 && first == 0) {
                    first = System.nanoTime();
                }
                seen += count;
            }
            return expected / ((System.nanoTime() - first) / 1e9);
        }
    }
}
