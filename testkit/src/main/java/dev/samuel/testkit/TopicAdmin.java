package dev.samuel.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Admin-side helpers shared by every {@link KafkaBroker} implementation. Tests create topics of any name and
 * layout here; the services create theirs with plumbing's {@code TopicEnsurer}, which testkit cannot use, since
 * plumbing's own tests run on testkit's broker.
 */
final class TopicAdmin {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TopicAdmin() {
    }

    static void create(Map<String, Object> clientSettings, String name, int partitions, Map<String, String> configs) {
        try (Admin admin = TestClients.admin(clientSettings)) {
            NewTopic topic = new NewTopic(name, partitions, (short) 1).configs(configs);
            try {
                admin.createTopics(List.of(topic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Could not create topic " + name, e.getCause());
                }
            }
            awaitLeaders(admin, name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + name, e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Timed out creating topic " + name, e);
        }
    }

    /**
     * The create call returns once the controller has the topic; producing before every partition has a
     * leader on the broker only costs retries, but a read_committed consumer assigned early sees errors.
     */
    private static void awaitLeaders(Admin admin, String name) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                TopicDescription d = admin.describeTopics(List.of(name)).allTopicNames().get().get(name);
                if (d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                    return;
                }
            } catch (ExecutionException e) {
                // UnknownTopicOrPartition until the broker has caught up with the controller: retry.
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("Topic " + name + " has no leader after " + TIMEOUT);
    }

    /** Returns once the broker answers metadata requests with itself registered (unfenced). */
    static void awaitBrokerReady(Map<String, Object> clientSettings) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (Admin admin = TestClients.admin(clientSettings)) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    // Not listening or not unfenced yet: retry until the deadline.
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("Kafka at " + clientSettings.get("bootstrap.servers") + " not ready after "
                + TIMEOUT);
    }
}
