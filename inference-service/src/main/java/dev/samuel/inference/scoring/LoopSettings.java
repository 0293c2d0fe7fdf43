package dev.samuel.inference.scoring;

import dev.samuel.plumbing.kafka.TransactionalProducers;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The scoring loop's Kafka clients; every setting that differs from Kafka's default says why. {@code common} holds
 * the application's {@code kafka.*} settings (bootstrap servers, and security: {@code security.protocol},
 * {@code sasl.*}, {@code ssl.*}), which every client starts from.
 */
public record LoopSettings(Map<String, Object> common, String instanceId, String groupId, int maxPollRecords,
                           Duration pollTimeout, Duration transactionTimeout, Duration commitInterval) {

    public LoopSettings {
        common = Map.copyOf(common);
    }

    /** Settings for a cluster reached with its bootstrap servers alone. */
    public LoopSettings(String bootstrapServers, String instanceId, String groupId, int maxPollRecords,
                        Duration pollTimeout, Duration transactionTimeout, Duration commitInterval) {
        this(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), instanceId, groupId,
                maxPollRecords, pollTimeout, transactionTimeout, commitInterval);
    }

    Map<String, Object> consumer() {
        var config = new HashMap<>(common);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "samuel-inference-" + instanceId);
        // Static membership: a restarted instance takes its partitions back at once instead of waiting for the
        // group to expire its crashed predecessor (session.timeout.ms, 45 s). An instance that stays away loses
        // them after that timeout.
        config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "samuel-inference-" + instanceId);
        // Exactly-once: events of aborted producer transactions are never scored.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Offsets are committed inside the scoring transaction, never on their own.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A model that gets its first champion is scored from its first event, not from "now".
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // One poll is one transaction and one ORT run per model: bigger polls amortise both.
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        // Users create the unlabelled topics; a consumer must not create them with broker defaults.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // A newly served model's topic joins the subscription without waiting up to 5 minutes for metadata.
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 10_000);
        return config;
    }

    Map<String, Object> producer() {
        var config = new HashMap<>(common);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "samuel-inference-" + instanceId);
        // Stable per instance: a restarted instance fences its crashed predecessor and aborts its open
        // transaction at once; zombies across rebalances are fenced by the group metadata (KIP-447).
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "samuel-inference-" + instanceId);
        // A crashed instance that never returns holds read_committed readers back this long at most (default 60 s).
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) transactionTimeout.toMillis());
        // A poll's predictions leave in a few large requests rather than many small ones.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        config.putAll(TransactionalProducers.settings());
        return config;
    }

    Map<String, Object> admin() {
        var config = new HashMap<>(common);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, "samuel-inference-admin-" + instanceId);
        return config;
    }
}
