package dev.samuel.inference.support;

import dev.samuel.inference.app.InferenceRuntime;
import dev.samuel.inference.scoring.LoopSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** Starts the service's runtime without Quarkus, with test settings, and waits for what tests wait for. */
public final class Service {

    private Service() {
    }

    /** {@code instance} names the transactional id and the consumer group: unique per test. */
    public static InferenceRuntime start(String bootstrap, String registryUrl, String instance) {
        return start(bootstrap, registryUrl, instance, Duration.ofMillis(20));
    }

    /** As {@link #start(String, String, String)}, each transaction open for {@code commitInterval}. */
    public static InferenceRuntime start(String bootstrap, String registryUrl, String instance, Duration commitInterval) {
        return start(bootstrap, registryUrl, instance, "group-" + instance, commitInterval);
    }

    /** One of several instances of the consumer group {@code group}, sharing its partitions. */
    public static InferenceRuntime start(String bootstrap, String registryUrl, String instance, String group,
                                         Duration commitInterval) {
        // A killed member's partitions move after the session timeout: 10 s here, not the 45 s default.
        var common = Map.<String, Object>of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        var kafka = new LoopSettings(common, instance, group, 2000, Duration.ofMillis(50), Duration.ofSeconds(10),
                commitInterval);
        var options = new InferenceRuntime.Options(registryUrl, Duration.ofSeconds(10), 1, 3, (short) 1);
        return InferenceRuntime.start(kafka, options, new SimpleMeterRegistry());
    }

    public static void awaitServed(InferenceRuntime runtime, String model, int version) {
        await(() -> runtime.champions().servedVersion(model) == version, Duration.ofSeconds(30),
                model + " never served version " + version + "; refusals: " + runtime.status().refusals());
    }

    public static void awaitRefused(InferenceRuntime runtime, String model, int version) {
        await(() -> {
            var refusal = runtime.status().refusals().get(model);
            return refusal != null && refusal.version() == version;
        }, Duration.ofSeconds(30), model + " version " + version + " was never refused");
    }

    /** Members of the consumer group that hold partitions now. */
    public static long assignedMembers(String bootstrap, String group) throws Exception {
        try (var admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
            var description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            return description.members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty()).count();
        }
    }

    public static void await(BooleanSupplier condition, Duration patience, String message) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(message);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
