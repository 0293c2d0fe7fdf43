package dev.samuel.testkit;

import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers' Kafka ({@code apache/kafka} image, KRaft, single node). Only loaded after
 * {@link DockerProbe} found an engine, so JVMs without Docker never touch a Testcontainers class.
 * The image tag follows the kafka-clients version on the class path unless
 * {@code samuel.test.kafka.image} names another.
 */
final class ContainerKafkaBroker implements KafkaBroker {

    private final KafkaContainer container;

    private ContainerKafkaBroker(KafkaContainer container) {
        this.container = container;
    }

    /** Returns the interface type so callers' bytecode never names this class before it is chosen. */
    static KafkaBroker start() {
        String image = Settings.get("samuel.test.kafka.image");
        if (image == null) {
            image = "apache/kafka:" + AppInfoParser.getVersion();
        }
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(image))
                // Testcontainers already sets single-node replication factors for the internal topics;
                // these match the embedded broker's non-default settings that tests notice.
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .withEnv("KAFKA_MIN_INSYNC_REPLICAS", "1")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        container.start();
        return new ContainerKafkaBroker(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public String describe() {
        return "Testcontainers Kafka " + container.getDockerImageName() + " at " + bootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }

    @Override
    public String toString() {
        return describe();
    }
}
