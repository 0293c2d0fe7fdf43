package dev.samuel.plumbing.kafka;

import dev.samuel.contracts.topic.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Makes sure topics exist, creating the missing ones with their role's settings (contracts' {@code TopicRole}).
 * A topic that exists is taken as it is, unless its settings are checked: then a layout the platform cannot work
 * with is refused, naming every problem and its fix. Returns once the topics can be read and written.
 */
public final class TopicEnsurer {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;
    private final Optional<Short> replicationFactor;

    /** @param replicationFactor of the topics it creates; empty for the cluster's default */
    public TopicEnsurer(Admin admin, Optional<Short> replicationFactor) {
        this.admin = admin;
        this.replicationFactor = replicationFactor;
    }

    /** Creates the missing topics with the partitions of their settings. */
    public void ensure(Collection<? extends Topic<?, ?>> topics) {
        ensure(topics, OptionalInt.empty());
    }

    /**
     * @param partitions overrides the settings' partitions of the topics it creates
     * @throws IllegalStateException when a topic cannot be created, or a checked one has another layout
     */
    public void ensure(Collection<? extends Topic<?, ?>> topics, OptionalInt partitions) {
        try {
            var created = create(topics, partitions);
            awaitLeaders(created);
            for (var topic : topics) {
                if (topic.settings().checked()) {
                    check(topic);
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create or check " + names(topics) + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot create or check " + names(topics) + " within " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + names(topics), e);
        }
    }

    /** The topics it created; another creator's topics (created first) are left as they are. */
    private List<String> create(Collection<? extends Topic<?, ?>> topics, OptionalInt partitions)
            throws ExecutionException, InterruptedException, TimeoutException {
        var wanted = topics.stream().map(topic -> new NewTopic(topic.name(),
                        Optional.of(partitions.orElse(topic.settings().partitions())), replicationFactor)
                .configs(topic.settings().creationConfigs())).toList();
        var created = new ArrayList<String>();
        for (var result : admin.createTopics(wanted).values().entrySet()) {
            try {
                result.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                created.add(result.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        return created;
    }

    /**
     * A created topic takes a moment to reach the brokers' metadata: a reader that looked it up at once, or a
     * consumer group that rebalanced to pick it up, would not find it yet.
     */
    private void awaitLeaders(List<String> names) throws InterruptedException, TimeoutException, ExecutionException {
        for (var name : names) {
            awaitDescribed(name, TopicEnsurer::hasLeaders);
        }
    }

    private static boolean hasLeaders(TopicDescription description) {
        return description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
    }

    private void check(Topic<?, ?> topic) throws ExecutionException, InterruptedException, TimeoutException {
        // Created just now by another instance, it may not be described yet.
        var description = awaitDescribed(topic.name(), described -> true);
        var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
        var config = admin.describeConfigs(List.of(resource)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .get(resource);
        var problems = topic.settings().problems(topic.name(), description.partitions().size(),
                config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value());
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
    }

    private TopicDescription awaitDescribed(String name, Predicate<TopicDescription> ready)
            throws InterruptedException, TimeoutException, ExecutionException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (var description = describe(name); ; description = describe(name)) {
            if (description != null && ready.test(description)) {
                return description;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(name + " was created but is not ready for use after " + TIMEOUT);
            }
            Thread.sleep(20);
        }
    }

    /** The topic, or null when the broker does not know it (yet). */
    private TopicDescription describe(String name) throws ExecutionException, InterruptedException, TimeoutException {
        try {
            Map<String, TopicDescription> described = admin.describeTopics(List.of(name)).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return described.get(name);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw e;
        }
    }

    private static List<String> names(Collection<? extends Topic<?, ?>> topics) {
        return topics.stream().map(Topic::name).toList();
    }
}
