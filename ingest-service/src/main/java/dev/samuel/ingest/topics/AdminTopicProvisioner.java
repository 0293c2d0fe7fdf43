package dev.samuel.ingest.topics;

import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.ingest.config.IngestConfig;
import dev.samuel.ingest.streams.TopicProvisioner;
import dev.samuel.plumbing.kafka.TopicEnsurer;
import io.quarkus.kafka.streams.runtime.KafkaStreamsProducer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Creates a model's train, test and rejected topics with the table's settings (contracts' {@code TopicRole}: train
 * and test compacted, since a re-sent id is a relabel) and this service's partitions and replication factor.
 * Its admin client logs in as the topology's own clients do: its settings are the ones Kafka Streams derives from
 * the configuration Quarkus built for the topology (bootstrap servers, security.protocol, sasl.*, ssl.*, whichever
 * keys gave them).
 */
@ApplicationScoped
public class AdminTopicProvisioner implements TopicProvisioner {

    private final Instance<KafkaStreamsProducer> streams;
    private final IngestConfig config;
    private Admin admin;
    private TopicEnsurer topics;

    public AdminTopicProvisioner(Instance<KafkaStreamsProducer> streams, IngestConfig config) {
        this.streams = streams;
        this.config = config;
    }

    /** Made on first use: the topology asks for topics once Streams runs, and Streams is built from the topology. */
    private synchronized TopicEnsurer topics() {
        if (topics == null) {
            var streamsConfig = streams.get().getStreamsConfig();
            admin = Admin.create(streamsConfig.getAdminConfigs(
                    streamsConfig.getString(StreamsConfig.APPLICATION_ID_CONFIG) + "-provisioner"));
            topics = new TopicEnsurer(admin, Optional.of(config.topicReplicationFactor()));
        }
        return topics;
    }

    @Override
    public void ensureOutputTopics(ModelTopics model) {
        topics().ensure(List.of(model.train(), model.test(), model.rejected()), OptionalInt.of(config.topicPartitions()));
    }

    /**
     * The labelled topic, which users write to: created with the table's partitions when the spec arrives before
     * anyone wrote, so the topology can pick it up at once.
     */
    public void ensureLabelledTopic(ModelTopics model) {
        topics().ensure(List.of(model.labelled()));
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
