package dev.samuel.ingest.streams;

import dev.samuel.contracts.event.Codec;
import dev.samuel.contracts.topic.Topics;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The ingest topology: every topic matching the labelled-topic pattern is validated against its model's
 * spec and routed to the model's train or test topic by the split rule, or dead-lettered with a reason.
 * Specs come from {@code samuel.registry} as a global table, so a model registered later is picked up
 * without a restart. Record values stay raw bytes end to end: a valid example is forwarded as it came.
 */
public final class IngestTopology {

    /** The registry, as raw bytes by key: {@link SpecCatalog} decodes a spec only when its bytes change. */
    public static final String REGISTRY_STORE = "samuel-registry";

    private IngestTopology() {
    }

    public static Topology build(StreamsBuilder builder, Settings settings, RoutingListener listener,
                                 TopicProvisioner provisioner) {
        builder.globalTable(Topics.REGISTRY.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()),
                Materialized.<String, byte[]>as(Stores.inMemoryKeyValueStore(REGISTRY_STORE))
                        .withKeySerde(Serdes.String())
                        .withValueSerde(Serdes.ByteArray()));

        builder.stream(settings.labelledTopics(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .process(() -> new ExampleRouter(settings.maxRecordBytes(), settings.codec(), listener, provisioner))
                .to((key, routed, context) -> routed.topic(), Produced.with(Serdes.ByteArray(), Routed.SERDE));
        return builder.build();
    }

    /**
     * @param labelledTopics which topics carry labelled examples; a spec that overrides its labelled topic
     *                       must pick a name this pattern matches
     * @param maxRecordBytes larger values are dead-lettered as {@code oversized} without being parsed
     * @param codec          how records are decoded (Avro through the schema registry, when there is one)
     */
    public record Settings(Pattern labelledTopics, int maxRecordBytes, Codec codec) {

        public Settings(Pattern labelledTopics, int maxRecordBytes) {
            this(labelledTopics, maxRecordBytes, Codec.WITHOUT_REGISTRY);
        }
    }
}
