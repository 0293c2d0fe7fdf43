package dev.samuel.inference.scoring;

import dev.samuel.inference.model.ServedModel;
import dev.samuel.plumbing.kafka.TopicEnsurer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a model's predictions and rejected topics before its first version is served, with as many
 * partitions as its unlabelled topic (so an event id's prediction lands in the same partition number), and the
 * unlabelled topic itself, with {@code topic-partitions}, when it does not exist yet. Their other settings are
 * the table's (contracts' {@code TopicRole}).
 */
public final class OutputTopics implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutputTopics.class);

    private final Admin admin;
    private final TopicEnsurer topics;
    private final int defaultPartitions;
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();

    public OutputTopics(LoopSettings settings, int defaultPartitions, short replicationFactor) {
        this.admin = Admin.create(settings.admin());
        this.topics = new TopicEnsurer(admin, Optional.of(replicationFactor));
        this.defaultPartitions = defaultPartitions;
    }

    /** Best effort: a failure is logged, and the producer's auto-creation remains as a fallback. */
    public void ensure(ServedModel model) {
        if (!ensured.add(model.name())) {
            return;
        }
        var modelTopics = model.topics();
        try {
            int partitions = partitionsOf(modelTopics.unlabelled().name());
            if (partitions < 0) {
                // Nobody has produced yet: create the input too, so the loop's subscription finds it.
                partitions = defaultPartitions;
                topics.ensure(List.of(modelTopics.unlabelled()), OptionalInt.of(partitions));
            }
            topics.ensure(List.of(modelTopics.predictions(), modelTopics.rejected()), OptionalInt.of(partitions));
            // One partition, whatever the others have: the model's judged examples reach one drift watch.
            topics.ensure(List.of(modelTopics.performance()));
        } catch (Exception e) {
            ensured.remove(model.name());
            LOG.warn("Could not create the output topics of {}: {}", model.name(), e.toString());
        }
    }

    private int partitionsOf(String topic) throws Exception {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                    .partitions().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return -1;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
