package dev.samuel.cli;

import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.topic.Topics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics users write to. The services create the rest: ingest the train, test and rejected topics,
 * inference the predictions topic.
 */
public final class UserTopics {

    // Three partitions let ingest and inference run up to three instances each.
    private static final int PARTITIONS = 3;

    private UserTopics() {
    }

    public static List<String> create(Map<String, Object> kafka, ModelSpec spec) throws InterruptedException {
        var topics = Topics.of(spec);
        var names = List.of(topics.labelled().name(), topics.unlabelled().name());
        try (var admin = Admin.create(kafka)) {
            for (var name : names) {
                try {
                    admin.createTopics(List.of(new NewTopic(name, PARTITIONS, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new CliException("cannot create topic " + name + ": "
                                + e.getCause().getMessage());
                    }
                }
            }
        }
        return names;
    }
}
