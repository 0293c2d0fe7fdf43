package dev.samuel.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka clients with settings suited to tests. Every client is the caller's to close. Consumers read
 * committed data only, so tests observe exactly what an exactly-once pipeline published.
 */
public final class TestClients {

    private TestClients() {
    }

    public static Admin admin(String bootstrapServers) {
        return admin(Map.of("bootstrap.servers", bootstrapServers));
    }

    /** An Admin with these settings (bootstrap servers, and a login where the broker wants one). */
    public static Admin admin(Map<String, Object> settings) {
        Map<String, Object> c = new HashMap<>(settings);
        c.put("client.id", "testkit-admin-" + shortId());
        return Admin.create(c);
    }

    /** Base producer settings: durable, idempotent (Kafka's default), failing fast rather than hanging a test. */
    public static Map<String, Object> producerConfig(String bootstrapServers) {
        Map<String, Object> c = new HashMap<>();
        c.put("bootstrap.servers", bootstrapServers);
        c.put("client.id", "testkit-producer-" + shortId());
        // Explicit although default: a test that reads what it wrote must not lose an unacknowledged send.
        c.put("acks", "all");
        // Kafka 4 defaults to 5 ms of batching; a test sends a handful of records and waits on each.
        c.put("linger.ms", "0");
        // Default max.block.ms is 60 s: a missing broker should fail the test quickly, not stall it.
        c.put("max.block.ms", "15000");
        // Default delivery.timeout.ms is 2 min, for the same reason; must stay >= linger.ms + request.timeout.ms.
        c.put("delivery.timeout.ms", "30000");
        return c;
    }

    /** Base consumer settings: read_committed, from the beginning, offsets committed only by the test. */
    public static Map<String, Object> consumerConfig(String bootstrapServers, String groupId) {
        Map<String, Object> c = new HashMap<>();
        c.put("bootstrap.servers", bootstrapServers);
        c.put("client.id", "testkit-consumer-" + shortId());
        if (groupId != null) {
            c.put("group.id", groupId);
        }
        // Default read_uncommitted would show aborted and in-flight transactional records.
        c.put("isolation.level", "read_committed");
        // Default "latest" would skip whatever the test produced before the consumer joined.
        c.put("auto.offset.reset", "earliest");
        // Tests decide when (and whether) progress is committed.
        c.put("enable.auto.commit", "false");
        return c;
    }

    public static <K, V> KafkaProducer<K, V> producer(String bootstrapServers, Serializer<K> keys, Serializer<V> values) {
        return new KafkaProducer<>(producerConfig(bootstrapServers), keys, values);
    }

    public static KafkaProducer<String, String> stringProducer(String bootstrapServers) {
        return producer(bootstrapServers, new StringSerializer(), new StringSerializer());
    }

    public static KafkaProducer<byte[], byte[]> bytesProducer(String bootstrapServers) {
        return producer(bootstrapServers, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A transactional producer with {@code initTransactions()} done; begin/commit are the caller's. */
    public static <K, V> KafkaProducer<K, V> transactionalProducer(
            String bootstrapServers, String transactionalId, Serializer<K> keys, Serializer<V> values) {
        Map<String, Object> c = producerConfig(bootstrapServers);
        c.put("transactional.id", transactionalId);
        KafkaProducer<K, V> producer = new KafkaProducer<>(c, keys, values);
        producer.initTransactions();
        return producer;
    }

    public static KafkaProducer<String, String> transactionalStringProducer(String bootstrapServers, String transactionalId) {
        return transactionalProducer(bootstrapServers, transactionalId, new StringSerializer(), new StringSerializer());
    }

    public static <K, V> KafkaConsumer<K, V> consumer(
            String bootstrapServers, String groupId, Deserializer<K> keys, Deserializer<V> values) {
        return new KafkaConsumer<>(consumerConfig(bootstrapServers, groupId), keys, values);
    }

    public static KafkaConsumer<String, String> stringConsumer(String bootstrapServers, String groupId) {
        return consumer(bootstrapServers, groupId, new StringDeserializer(), new StringDeserializer());
    }

    public static KafkaConsumer<byte[], byte[]> bytesConsumer(String bootstrapServers, String groupId) {
        return consumer(bootstrapServers, groupId, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** {@link #drain(String, String, int, Duration, Deserializer, Deserializer)} with String keys and values. */
    public static List<ConsumerRecord<String, String>> drain(
            String bootstrapServers, String topic, int expectedCount, Duration timeout) {
        return drain(bootstrapServers, topic, expectedCount, timeout, new StringDeserializer(), new StringDeserializer());
    }

    /**
     * Reads committed records of {@code topic} from the beginning of every partition until at least
     * {@code expectedCount} have arrived, and returns all read (possibly more than expected, in partition
     * order within each poll). Uses no consumer group, so no rebalance wait and no committed offsets.
     *
     * @throws AssertionError if fewer than {@code expectedCount} arrive within {@code timeout}
     */
    public static <K, V> List<ConsumerRecord<K, V>> drain(String bootstrapServers, String topic, int expectedCount,
            Duration timeout, Deserializer<K> keys, Deserializer<V> values) {
        Map<String, Object> c = consumerConfig(bootstrapServers, null);
        // Draining must not create the topic (with the broker's default partition count) as a side effect.
        c.put("allow.auto.create.topics", "false");
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(c, keys, values)) {
            List<TopicPartition> partitions = awaitPartitions(consumer, topic, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (records.size() < expectedCount && System.nanoTime() < deadline) {
                long leftMs = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                consumer.poll(Duration.ofMillis(Math.min(leftMs, 200))).forEach(records::add);
            }
        }
        if (records.size() < expectedCount) {
            throw new AssertionError("Expected " + expectedCount + " committed records on " + topic
                    + " within " + timeout + " but got " + records.size());
        }
        return records;
    }

    private static List<TopicPartition> awaitPartitions(KafkaConsumer<?, ?> consumer, String topic, long deadline) {
        while (true) {
            List<PartitionInfo> infos = null;
            try {
                infos = consumer.partitionsFor(topic, Duration.ofMillis(500));
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                // Unknown topic: the client keeps asking for its metadata; retry until the deadline.
            }
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toList());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Topic " + topic + " does not exist");
            }
            sleep(50);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
