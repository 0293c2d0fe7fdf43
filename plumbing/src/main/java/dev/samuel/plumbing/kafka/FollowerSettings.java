package dev.samuel.plumbing.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** The consumer settings of every reader that follows topics from their beginning, on top of a service's own. */
public final class FollowerSettings {

    private FollowerSettings() {
    }

    public static Map<String, Object> consumer(Map<String, Object> base, String clientId) {
        var config = new HashMap<>(base);
        // Names the reader in broker logs and client metrics.
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        // A follower assigns its partitions itself and rebuilds its state from the topics at every start:
        // no group, no committed offsets.
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Only committed records are state: an aborted or fenced writer's records are never applied.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Topics are created with their settings by whoever owns them; a reader must not create them otherwise.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // Should retention remove records under a follower, it goes on from the oldest one left.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // A topic followed anew is fetched once the fetch in flight returns, and an idle follower's fetch waits at
        // the broker this long (default 500 ms): a new model's first examples would wait for it. Followers read
        // small or quiet topics, so the extra idle fetches cost little.
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        return config;
    }
}
