package dev.samuel.ingest.streams;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** A record value and the topic it is routed to; only the value is written. */
record Routed(String topic, byte[] value) {

    static final Serde<Routed> SERDE = Serdes.serdeFrom(
            (Serializer<Routed>) (topic, routed) -> routed == null ? null : routed.value(),
            (Deserializer<Routed>) (topic, bytes) -> {
                throw new UnsupportedOperationException("routed records are only written");
            });
}
