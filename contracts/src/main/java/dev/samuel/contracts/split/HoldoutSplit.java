package dev.samuel.contracts.split;

import java.nio.charset.StandardCharsets;
import dev.samuel.contracts.registry.Sha256;
import org.apache.kafka.common.utils.Utils;

/**
 * The split rule (docs/design.md, "The split rule"): an example is {@code test} when
 * {@code (murmur2(utf8(key)) & 0x7fffffff) % 10000 < holdout * 10000}. It depends on the key alone, so an
 * example keeps its split across restarts, replays and versions, and is never trained on once held out.
 */
public final class HoldoutSplit {

    public enum Split {
        TRAIN, TEST;

        /** The metric tag and topic role. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final int BUCKETS = 10_000;

    private HoldoutSplit() {
    }

    public static Split of(String key, double holdout) {
        return of(key.getBytes(StandardCharsets.UTF_8), holdout);
    }

    public static Split of(byte[] utf8Key, double holdout) {
        return bucket(utf8Key) < holdout * BUCKETS ? Split.TEST : Split.TRAIN;
    }

    /** The key's bucket in [0, 10000); Kafka's own murmur2, the hash its default partitioner uses. */
    static int bucket(byte[] utf8Key) {
        return (Utils.murmur2(utf8Key) & 0x7fffffff) % BUCKETS;
    }

    /**
     * The key given to a record that arrives without one: the hex SHA-256 of its value, so that identical
     * keyless records collapse into one example in the compacted train and test topics.
     */
    public static String keyFor(byte[] value) {
        return Sha256.hex(value);
    }
}
