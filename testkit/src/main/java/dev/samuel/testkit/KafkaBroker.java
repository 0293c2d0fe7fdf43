package dev.samuel.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * A running Kafka cluster for tests: the in-JVM {@link EmbeddedKafkaBroker}, a Testcontainers broker,
 * or a view of the JVM-wide shared one. Client helpers delegate to {@link TestClients}.
 */
public interface KafkaBroker extends AutoCloseable {

    /** {@code host:port} list for {@code bootstrap.servers}. */
    String bootstrapServers();

    /** Short description for logs and failure messages, e.g. {@code embedded 127.0.0.1:40123}. */
    default String describe() {
        return getClass().getSimpleName() + " " + bootstrapServers();
    }

    /**
     * Creates a topic with replication factor 1 and waits until it is usable. An already existing topic
     * is left as it is, so tests sharing one broker may call this with the same name.
     */
    default void createTopic(String name, int partitions, Map<String, String> configs) {
        TopicAdmin.create(clientSettings(), name, partitions, configs);
    }

    default void createTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of());
    }

    /** An Admin client; the caller closes it. */
    default Admin admin() {
        return TestClients.admin(clientSettings());
    }

    default KafkaProducer<String, String> producer() {
        return TestClients.stringProducer(bootstrapServers());
    }

    default KafkaProducer<byte[], byte[]> bytesProducer() {
        return TestClients.bytesProducer(bootstrapServers());
    }

    /** A String producer with {@code transactional.id} set; {@code initTransactions()} already called. */
    default KafkaProducer<String, String> transactionalProducer(String transactionalId) {
        return TestClients.transactionalStringProducer(bootstrapServers(), transactionalId);
    }

    /** A read_committed String consumer in {@code groupId}, starting at the earliest offset. */
    default KafkaConsumer<String, String> consumer(String groupId) {
        return TestClients.stringConsumer(bootstrapServers(), groupId);
    }

    default KafkaConsumer<byte[], byte[]> bytesConsumer(String groupId) {
        return TestClients.bytesConsumer(bootstrapServers(), groupId);
    }

    /** See {@link TestClients#drain(String, String, int, Duration)}. */
    default List<ConsumerRecord<String, String>> drain(String topic, int expectedCount, Duration timeout) {
        return TestClients.drain(bootstrapServers(), topic, expectedCount, timeout);
    }

    /**
     * Settings every client of this broker needs: the bootstrap servers and, where the broker authenticates, a login
     * allowed to create topics. The producer and consumer helpers above speak to plaintext brokers only.
     */
    default Map<String, Object> clientSettings() {
        return Map.of("bootstrap.servers", bootstrapServers());
    }

    /** {@link #clientSettings()} as properties, for code under test that builds its own clients. */
    default Properties clientProperties() {
        Properties props = new Properties();
        props.putAll(clientSettings());
        return props;
    }

    /** Stops the broker (and deletes its data) if this object owns it; views of a shared broker do nothing. */
    @Override
    void close();
}
