package dev.samuel.trainer.kafka;

import dev.samuel.contracts.topic.Topics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates {@code samuel.jobs} when it is missing: compacted, since the latest record of a job is its status. */
public final class JobTopic {

    private JobTopic() {
    }

    public static void ensure(Map<String, Object> kafka) throws InterruptedException {
        try (var admin = Admin.create(kafka)) {
            // The broker's default replication factor: 1 on a one-broker cluster, what the cluster says elsewhere.
            var topic = new NewTopic(Topics.JOBS.name(), Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + Topics.JOBS.name() + ": " + e.getCause().getMessage(),
                        e.getCause());
            }
        }
    }
}
