package dev.samuel.registry.log;

import dev.samuel.contracts.topic.RegistryTopicSettings;
import dev.samuel.contracts.topic.Topics;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Creates the registry topic when it is missing and refuses to go on when an existing one would lose state. */
public final class RegistryTopicGuard {

    private static final long TIMEOUT_SECONDS = 30;
    private static final String TOPIC = Topics.REGISTRY.name();

    private RegistryTopicGuard() {
    }

    /**
     * @throws IllegalStateException when the topic exists with other partitions or another cleanup policy,
     *     naming every problem and how to fix it
     */
    public static void ensure(Admin admin, short replicationFactor) throws InterruptedException {
        try {
            var description = describe(admin);
            if (description == null) {
                create(admin, replicationFactor);
                description = awaitDescription(admin);
            }
            var problems = RegistryTopicSettings.problems(description.partitions().size(), cleanupPolicy(admin));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("The model registry refuses to start: " + String.join("; ", problems));
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The model registry cannot check topic " + TOPIC + ": " + e, e);
        }
    }

    /** The topic, or null when it does not exist. */
    private static TopicDescription describe(Admin admin)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            return admin.describeTopics(List.of(TOPIC)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(TOPIC);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw e;
        }
    }

    /** A topic just created (here or by another instance) takes a moment to appear in the broker's metadata. */
    private static TopicDescription awaitDescription(Admin admin)
            throws ExecutionException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        var description = describe(admin);
        while (description == null) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(TOPIC + " was created but did not appear within " + TIMEOUT_SECONDS + " s");
            }
            Thread.sleep(100);
            description = describe(admin);
        }
        return description;
    }

    private static void create(Admin admin, short replicationFactor)
            throws ExecutionException, InterruptedException, TimeoutException {
        var topic = new NewTopic(TOPIC, RegistryTopicSettings.PARTITIONS, replicationFactor)
                .configs(RegistryTopicSettings.configs());
        try {
            admin.createTopics(List.of(topic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // Another instance created it first; its settings are checked like any existing topic's.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static String cleanupPolicy(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        var resource = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
        var config = admin.describeConfigs(List.of(resource)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(resource);
        return config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    }
}
