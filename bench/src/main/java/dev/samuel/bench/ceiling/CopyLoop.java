package dev.samuel.bench.ceiling;

import dev.samuel.plumbing.kafka.TransactionalProducers;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The ceiling the services' benchmarks compare against: an exactly-once consume-produce loop (read_committed poll,
 * produce, sendOffsetsToTransaction, commit, one transaction per poll) copying records between two topics of the
 * same broker without parsing them. Its producer has the platform's transactional settings since 2026-12-06.
 */
public final class CopyLoop {

    private CopyLoop() {
    }

    public static void copy(String bootstrap, String from, String to, int records, int maxPollRecords) {
        Map<String, Object> consumerConfig = Map.of("bootstrap.servers", bootstrap, "group.id", "copy-" + to,
                "isolation.level", "read_committed", "enable.auto.commit", false, "auto.offset.reset", "earliest",
                "max.poll.records", maxPollRecords);
        // The settings of the platform's own transactional producers: a ceiling with Kafka's 100 ms retry backoff
        // would stall whenever a transaction began before the previous one's markers were written.
        var producerConfig = new HashMap<String, Object>(Map.of("bootstrap.servers", bootstrap,
                "transactional.id", "copy-" + to, "linger.ms", 5, "batch.size", 262144));
        producerConfig.putAll(TransactionalProducers.settings());
        try (var consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             var producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            consumer.subscribe(List.of(from));
            int copied = 0;
            while (copied < records) {
                var batch = consumer.poll(Duration.ofMillis(100));
                if (batch.isEmpty()) {
                    continue;
                }
                producer.beginTransaction();
                var offsets = new HashMap<TopicPartition, OffsetAndMetadata>();
                for (var record : batch) {
                    producer.send(new ProducerRecord<>(to, null, record.timestamp(), record.key(), record.value(),
                            record.headers()));
                    offsets.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                }
                producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                producer.commitTransaction();
                copied += batch.count();
            }
        }
    }
}
