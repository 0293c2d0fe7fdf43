package dev.samuel.contracts.topic;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition Kafka's default partitioner gives a keyed record (murmur2 of the key's bytes), for whoever must know
 * where a key lands without producing it (which trainer owns a model: the partition of {@code samuel.jobs} its name
 * lands on).
 */
public final class KeyPartitions {

    private KeyPartitions() {
    }

    public static int of(byte[] key, int partitionCount) {
        return Utils.toPositive(Utils.murmur2(key)) % partitionCount;
    }

    /** The partition of a key written as UTF-8 text, as every key of the platform is. */
    public static int of(String key, int partitionCount) {
        return of(key.getBytes(StandardCharsets.UTF_8), partitionCount);
    }
}
