package dev.samuel.trainer.data;

import dev.samuel.contracts.event.ResolvedExample;

/**
 * An example as the trainer holds it: the resolved example (its feature array shared, not copied) and where it was
 * read, the latest record of its id: the topic, partition, offset and Kafka timestamp (milliseconds since the epoch).
 */
public record Held(ResolvedExample example, String topic, int partition, long offset, long timestamp) {
}
