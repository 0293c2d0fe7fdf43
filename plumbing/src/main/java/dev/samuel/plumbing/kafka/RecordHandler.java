package dev.samuel.plumbing.kafka;

import dev.samuel.contracts.topic.Topic;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What a follower does with each record it reads. */
@FunctionalInterface
public interface RecordHandler {

    /**
     * Applies one record. An exception means this record cannot be applied: the follower skips it, counts and
     * logs it, and goes on with the next one.
     */
    void apply(ConsumerRecord<byte[], byte[]> record) throws Exception;

    /**
     * A handler that decodes key and value with the topic's serdes first; a tombstone's value is null. A record
     * without a key, or one that does not decode, is skipped.
     */
    static <K, V> RecordHandler decoding(Topic<K, V> topic, BiConsumer<K, V> apply) {
        var keys = topic.keySerde().deserializer();
        var values = topic.valueSerde().deserializer();
        return record -> {
            if (record.key() == null) {
                throw new IllegalArgumentException("it has no key");
            }
            var key = keys.deserialize(record.topic(), record.headers(), record.key());
            var value = record.value() == null ? null : values.deserialize(record.topic(), record.headers(), record.value());
            apply.accept(key, value);
        };
    }
}
