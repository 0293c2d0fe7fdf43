package dev.samuel.ingest.streams;


import dev.samuel.contracts.event.JsonWriter;
import dev.samuel.contracts.event.LabelledExample;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.TopicNames;
import dev.samuel.contracts.split.HoldoutSplit.Split;
import dev.samuel.contracts.split.HoldoutSplit;
import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.ingest.SpecPublisher;
import dev.samuel.testkit.KafkaBroker;
import dev.samuel.testkit.WithKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topology on a real broker with exactly-once: 50,000 mixed examples in, each accounted for exactly once,
 * and a replay from scratch (a fresh application id: a restarted service that lost its offsets) sends every
 * key to the split it went to the first time.
 */
@WithKafka
class IngestAtScaleTest {

    static final int EXAMPLES = 50_000;
    static final double HOLDOUT = 0.2;
    /**
     * The labelled topic is renamed out of the service's default pattern: a Quarkus test of this module may still
     * be running the service in this JVM, against the same broker, and must not ingest these examples too.
     */
    static final ModelSpec SPEC = IngestTopologyTest.spec("scale", HOLDOUT,
            new TopicNames("scale.examples", null, null, null, null, null));
    static final ModelTopics TOPICS = Topics.of(SPEC);
    static final Duration PATIENCE = Duration.ofSeconds(120);

    @Test
    void everyExampleLandsExactlyOnceAndReplaysToTheSameSplit(KafkaBroker broker) throws Exception {
        createTopics(broker, SPEC);
        var expected = produceMixedExamples(broker, TOPICS, 0, EXAMPLES);

        SplitLedger first;
        try (var streams = start(broker, TOPICS, "ingest-scale-1")) {
            first = SplitLedger.await(broker, TOPICS, EXAMPLES, PATIENCE);
        }

        assertThat(first.total()).isEqualTo(EXAMPLES);
        assertThat(first.rejected()).isEqualTo(expected.get("rejected"));
        assertThat(first.train()).isEqualTo(expected.get("train"));
        assertThat(first.test()).isEqualTo(expected.get("test"));
        double testFraction = first.test() / (double) (first.train() + first.test());
        assertThat(testFraction).isBetween(HOLDOUT - 0.01, HOLDOUT + 0.01);

        SplitLedger replayed;
        try (var streams = start(broker, TOPICS, "ingest-scale-2")) {
            replayed = SplitLedger.await(broker, TOPICS, 2 * EXAMPLES, PATIENCE);
        }

        assertThat(replayed.total()).isEqualTo(2 * EXAMPLES);
        assertThat(replayed.keysInBothSplits()).isEmpty();
        assertThat(replayed.train()).isEqualTo(2 * first.train());
        assertThat(replayed.test()).isEqualTo(2 * first.test());
    }

    /** Examples {@code from} to {@code to - 1}: every fifth invalid in one of several ways; the rest split by key. */
    static Map<String, Integer> produceMixedExamples(KafkaBroker broker, ModelTopics topics, int from, int to) {
        var counts = new HashMap<>(Map.of("train", 0, "test", 0, "rejected", 0));
        var random = new Random(7 + from);
        try (var producer = broker.bytesProducer()) {
            for (int i = from; i < to; i++) {
                var key = "example-" + i;
                byte[] value;
                if (i % 5 == 4) {
                    value = invalidExample(i);
                    counts.merge("rejected", 1, Integer::sum);
                } else {
                    value = JsonWriter.write(LabelledExample.of(
                            new float[] {random.nextFloat(), random.nextFloat(), random.nextFloat()}, i % 10));
                    counts.merge(HoldoutSplit.of(key, HOLDOUT) == Split.TEST ? "test" : "train", 1, Integer::sum);
                }
                producer.send(new ProducerRecord<>(topics.labelled().name(), bytes(key), value));
            }
        }
        return counts;
    }

    private static byte[] invalidExample(int i) {
        String[] invalid = {"{\"features\": [1, 2], \"label\": 1}", "{\"features\": [1, 2, 3], \"label\": 42}",
            "{\"features\": [1, 2, 3]}", "not json", "{\"features\": [1, 2, 1e99], \"label\": 1}"};
        return bytes(invalid[(i / 5) % invalid.length]);
    }

    static void createTopics(KafkaBroker broker, ModelSpec spec) throws Exception {
        var topics = Topics.of(spec);
        broker.createTopic(Topics.REGISTRY.name(), 1,
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        broker.createTopic(topics.labelled().name(), 3);
        var compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        broker.createTopic(topics.train().name(), 3, compacted);
        broker.createTopic(topics.test().name(), 3, compacted);
        broker.createTopic(topics.rejected().name(), 3);
        SpecPublisher.publish(broker.bootstrapServers(), spec);
    }

    /** The service's topology with the service's processing guarantee. */
    static KafkaStreams start(KafkaBroker broker, ModelTopics topics, String applicationId) {
        return start(broker.bootstrapServers(), topics.labelled().name(), applicationId, Map.of());
    }

    /** As {@link #start(KafkaBroker, ModelTopics, String)}, on one labelled topic, with further Streams settings. */
    static KafkaStreams start(String bootstrap, String labelled, String applicationId, Map<String, ?> settings) {
        var routing = new IngestTopology.Settings(Pattern.compile(Pattern.quote(labelled)), 1 << 20);
        var topology = IngestTopology.build(new StreamsBuilder(), routing, new IngestTopologyTest.RecordingListener(),
                TopicProvisioner.NONE);
        var streams = new KafkaStreams(topology, streamsConfig(bootstrap, applicationId, settings));
        streams.start();
        return streams;
    }

    private static Properties streamsConfig(String bootstrap, String applicationId, Map<String, ?> settings) {
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/" + applicationId);
        props.putAll(settings);
        return props;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
