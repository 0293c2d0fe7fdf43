package dev.samuel.cli;

import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.topic.Topic;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.plumbing.kafka.TopicEnsurer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;

/**
 * Creates the topics users write to, with the table's settings (contracts' {@code TopicRole}: three partitions,
 * so ingest and inference can run up to three instances each) and the cluster's replication factor. The services
 * create the rest: ingest the train, test and rejected topics, inference the predictions topic.
 */
public final class UserTopics {

    private UserTopics() {
    }

    public static List<String> create(Map<String, Object> kafka, ModelSpec spec) {
        var topics = Topics.of(spec);
        var created = List.<Topic<?, ?>>of(topics.labelled(), topics.unlabelled());
        try (var admin = Admin.create(kafka)) {
            new TopicEnsurer(admin, Optional.empty()).ensure(created);
        } catch (IllegalStateException e) {
            throw new CliException(e.getMessage());
        }
        return created.stream().map(Topic::name).toList();
    }
}
