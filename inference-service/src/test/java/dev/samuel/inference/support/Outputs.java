package dev.samuel.inference.support;

import dev.samuel.contracts.event.JsonReader;
import dev.samuel.contracts.event.Prediction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic as a read_committed user would, from the beginning: waits for at least {@code expected}
 * records, then keeps reading up to the end so that any extra (a duplicate) is seen too.
 */
public final class Outputs {

    private Outputs() {
    }

    public static List<ConsumerRecord<byte[], byte[]>> all(String bootstrap, String topic, int expected,
                                                           Duration patience) {
        var config = Map.<String, Object>of("bootstrap.servers", bootstrap, "isolation.level", "read_committed",
                "allow.auto.create.topics", false, "max.partition.fetch.bytes", 8 << 20);
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            long deadline = System.nanoTime() + patience.toNanos();
            var partitions = partitions(consumer, topic, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var records = new ArrayList<ConsumerRecord<byte[], byte[]>>();
            while (records.size() < expected) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("only " + records.size() + " of " + expected + " records on " + topic);
                }
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
            return records;
        }
    }

    public static List<Prediction> predictions(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> JsonReader.readPrediction(r.value())).toList();
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic, long deadline) {
        while (true) {
            var infos = consumer.listTopics(Duration.ofSeconds(5)).get(topic);
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(topic + " was never created");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
