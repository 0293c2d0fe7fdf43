package dev.samuel.contracts.topic;

import org.apache.kafka.common.serialization.Serde;

/** A topic name with the serdes of its keys and values: the one place a topic is spelt. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
}
