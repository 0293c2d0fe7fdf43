package dev.samuel.bench.tabular;

import dev.samuel.contracts.event.DeadLetter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The ingest run's dead letters. The observer counts the rejected topic with the train and test topics (a reject is
 * work done too), so a run whose records were all refused would time fine: the benchmark refuses to report it.
 */
final class DeadLetters {

    private DeadLetters() {
    }

    /** Fails naming the first reject's reason and message when the topic (one partition) holds any record. */
    static void requireNone(String bootstrap, String topic) {
        var config = Map.<String, Object>of("bootstrap.servers", bootstrap, "isolation.level", "read_committed");
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            if (end == 0) {
                return;
            }
            for (var record : consumer.poll(Duration.ofSeconds(10))) {
                throw new IllegalStateException("ingest dead-lettered records to " + topic + " (up to offset " + end
                        + "), the first: " + DeadLetter.header(record.headers(), DeadLetter.REASON) + ": "
                        + DeadLetter.header(record.headers(), DeadLetter.MESSAGE));
            }
        }
    }
}
