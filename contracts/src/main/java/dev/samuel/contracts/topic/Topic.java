package dev.samuel.contracts.topic;

import org.apache.kafka.common.serialization.Serde;

/** A topic name with its role and the serdes of its keys and values: the one place a topic is spelt. */
public record Topic<K, V>(String name, TopicRole role, Serde<K> keySerde, Serde<V> valueSerde) {

    /** How the topic is laid out when the platform creates it. */
    public TopicSettings settings() {
        return role.settings();
    }
}
