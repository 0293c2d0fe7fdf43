package dev.samuel.ingest.topics;

import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.ingest.config.IngestConfig;
import dev.samuel.ingest.streams.TopicProvisioner;
import io.quarkus.kafka.streams.runtime.KafkaStreamsProducer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Creates a model's train, test (compacted: a re-sent id is a relabel) and rejected topics, with an admin client
 * that logs in as the topology's own clients do: its settings are the ones Kafka Streams derives from the
 * configuration Quarkus built for the topology (bootstrap servers, security.protocol, sasl.*, ssl.*, whichever keys
 * gave them).
 */
@ApplicationScoped
public class AdminTopicProvisioner implements TopicProvisioner {

    private static final Map<String, String> COMPACTED =
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);

    private final Instance<KafkaStreamsProducer> streams;
    private final IngestConfig config;
    private Admin admin;

    public AdminTopicProvisioner(Instance<KafkaStreamsProducer> streams, IngestConfig config) {
        this.streams = streams;
        this.config = config;
    }

    /** Made on first use: the topology asks for topics once Streams runs, and Streams is built from the topology. */
    private synchronized Admin admin() {
        if (admin == null) {
            var streamsConfig = streams.get().getStreamsConfig();
            admin = Admin.create(streamsConfig.getAdminConfigs(
                    streamsConfig.getString(StreamsConfig.APPLICATION_ID_CONFIG) + "-provisioner"));
        }
        return admin;
    }

    @Override
    public void ensureOutputTopics(ModelTopics topics) {
        var wanted = List.of(
                topic(topics.train().name()).configs(COMPACTED),
                topic(topics.test().name()).configs(COMPACTED),
                topic(topics.rejected().name()));
        for (var result : admin().createTopics(wanted).values().values()) {
            try {
                result.get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create the topics of model " + topics.model(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topics", e);
            }
        }
    }

    private NewTopic topic(String name) {
        return new NewTopic(name, config.topicPartitions(), config.topicReplicationFactor());
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
