package dev.samuel.ingest.topics;

import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.ingest.config.IngestConfig;
import dev.samuel.ingest.streams.TopicProvisioner;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.StreamsConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates a model's train, test (compacted: a re-sent id is a relabel) and rejected topics, with an admin client
 * that logs in as the topology's own clients do: Kafka Streams derives its settings from the {@code kafka-streams.*}
 * keys (security.protocol, sasl.*, ssl.*), the same keys Quarkus hands the topology.
 */
@ApplicationScoped
public class AdminTopicProvisioner implements TopicProvisioner {

    private static final String STREAMS_PREFIX = "kafka-streams.";
    private static final Map<String, String> COMPACTED =
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);

    private final Admin admin;
    private final IngestConfig config;

    public AdminTopicProvisioner(
            @ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.kafka-streams.application-id") String applicationId,
            IngestConfig config) {
        this.admin = Admin.create(adminSettings(ConfigProvider.getConfig(), bootstrapServers, applicationId));
        this.config = config;
    }

    static Map<String, Object> adminSettings(Config config, String bootstrapServers, String applicationId) {
        var streams = new Properties();
        for (var name : config.getPropertyNames()) {
            if (name.startsWith(STREAMS_PREFIX)) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(value -> streams.put(name.substring(STREAMS_PREFIX.length()), value));
            }
        }
        streams.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        streams.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        return new StreamsConfig(streams).getAdminConfigs(applicationId + "-provisioner");
    }

    @Override
    public void ensureOutputTopics(ModelTopics topics) {
        var wanted = List.of(
                topic(topics.train().name()).configs(COMPACTED),
                topic(topics.test().name()).configs(COMPACTED),
                topic(topics.rejected().name()));
        for (var result : admin.createTopics(wanted).values().values()) {
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
    void close() {
        admin.close();
    }
}
