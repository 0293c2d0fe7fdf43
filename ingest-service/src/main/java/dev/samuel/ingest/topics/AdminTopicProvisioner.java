package dev.samuel.ingest.topics;

import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.ingest.config.IngestConfig;
import dev.samuel.ingest.streams.TopicProvisioner;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creates a model's train, test (compacted: a re-sent id is a relabel) and rejected topics. */
@ApplicationScoped
public class AdminTopicProvisioner implements TopicProvisioner {

    private static final Map<String, String> COMPACTED =
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);

    private final Admin admin;
    private final IngestConfig config;

    public AdminTopicProvisioner(
            @ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers") String bootstrapServers,
            IngestConfig config) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.config = config;
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
