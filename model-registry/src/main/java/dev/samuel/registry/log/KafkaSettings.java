package dev.samuel.registry.log;

import dev.samuel.plumbing.kafka.TransactionalProducers;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Client settings of the registry log, on top of the application's {@code kafka.*} settings. */
final class KafkaSettings {

    private KafkaSettings() {
    }

    static Map<String, Object> writer(Map<String, Object> base, String writerId) {
        var config = new HashMap<>(base);
        // The writer identity: initTransactions() with an id fences every older producer that had it.
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, writerId);
        // Names the writer in broker logs and client metrics.
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "samuel-registry-writer-" + writerId);
        // Explicit although the default: a change acknowledged to a client must survive a broker failure.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // A write is one small transaction that a request waits on: batching would only add latency.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // Default 60 s: with the broker gone, a request should fail in seconds rather than hold the writer lock.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        // Default 120 s, for the same reason; must stay >= linger.ms + request.timeout.ms (30 s).
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.putAll(TransactionalProducers.settings());
        return config;
    }
}
