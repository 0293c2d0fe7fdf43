package dev.samuel.inference.scoring;

import dev.samuel.inference.model.ServedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a model's predictions and rejected topics before its first version is served, with as many
 * partitions as its unlabelled topic (so an event id's prediction lands in the same partition number), and the
 * unlabelled topic itself, with {@code topic-partitions}, when it does not exist yet.
 */
public final class OutputTopics implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutputTopics.class);

    private final Admin admin;
    private final int defaultPartitions;
    private final short replicationFactor;
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();

    public OutputTopics(LoopSettings settings, int defaultPartitions, short replicationFactor) {
        this.admin = Admin.create(settings.admin());
        this.defaultPartitions = defaultPartitions;
        this.replicationFactor = replicationFactor;
    }

    /** Best effort: a failure is logged, and the producer's auto-creation remains as a fallback. */
    public void ensure(ServedModel model) {
        if (!ensured.add(model.name())) {
            return;
        }
        var topics = model.topics();
        try {
            int partitions = partitionsOf(topics.unlabelled().name());
            var names = new ArrayList<>(List.of(topics.predictions().name(), topics.rejected().name()));
            if (partitions < 0) {
                // Nobody has produced yet: create the input too, so the loop's subscription finds it.
                partitions = defaultPartitions;
                names.add(topics.unlabelled().name());
            }
            var created = new ArrayList<NewTopic>();
            for (var name : names) {
                created.add(new NewTopic(name, partitions, replicationFactor));
            }
            for (var future : admin.createTopics(created).values().values()) {
                ignoreExisting(future);
            }
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

    private static void ignoreExisting(org.apache.kafka.common.KafkaFuture<Void> future)
            throws InterruptedException, TimeoutException, ExecutionException {
        try {
            future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
