package dev.samuel.plumbing.kafka;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * What every transactional producer of the platform sets beyond Kafka's defaults: the scoring loop's, the judge's and
 * ingest's (Kafka Streams), the registry writer's.
 */
public final class TransactionalProducers {

    /**
     * The first wait before a refused request is sent again, in ms (Kafka's default is 100). A transaction that begins
     * while the broker is still writing the previous one's markers is refused ({@code CONCURRENT_TRANSACTIONS}) until
     * they are written, a few ms; with the default every event of that transaction waited 100 ms more, the tail of the
     * platform's latency (bench/RESULTS.md, 2026-12-06). The wait still doubles up to {@code retry.backoff.max.ms}
     * (1 s) while a refusal lasts, so a broker in trouble is not hammered.
     */
    public static final int RETRY_BACKOFF_MS = 5;

    private TransactionalProducers() {
    }

    /** The settings, to put into a producer's configuration. */
    public static Map<String, Object> settings() {
        return Map.of(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, RETRY_BACKOFF_MS);
    }
}
