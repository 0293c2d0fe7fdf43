package dev.samuel.ingest;

import dev.samuel.contracts.topic.Topics;
import dev.samuel.testkit.KafkaTestResource;
import dev.samuel.testkit.SharedKafkaBroker;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/** The shared test broker, with the registry log the service waits for before it starts. */
public class IngestTestResource extends KafkaTestResource {

    @Override
    public Map<String, String> start() {
        var config = super.start();
        SharedKafkaBroker.get().createTopic(Topics.REGISTRY.name(), 1,
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        return config;
    }
}
