package dev.samuel.ingest.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.avro.AvroRecordWriter;
import dev.samuel.contracts.avro.AvroRecords;
import dev.samuel.contracts.avro.ConfluentWire;
import dev.samuel.contracts.avro.PatientSchemaSource;
import dev.samuel.contracts.avro.RegistryUnavailableException;
import dev.samuel.contracts.avro.SchemaRegistryClient;
import dev.samuel.contracts.avro.SchemaSource;
import dev.samuel.contracts.event.Codec;
import dev.samuel.contracts.event.DeadLetter;
import dev.samuel.contracts.event.Label;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.plumbing.streams.StreamThreadRestarts;
import dev.samuel.testkit.KafkaBroker;
import dev.samuel.testkit.SchemaRegistryProcess;
import dev.samuel.testkit.TestClients;
import dev.samuel.testkit.WithKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Avro records, their schemas in a real schema registry, through the topology on a real broker with exactly-once:
 * each record routed or dead-lettered with its reason, and while the registry does not answer, records wait where
 * they are read ({@link PatientSchemaSource}) and are routed, once, when it answers again.
 */
@WithKafka
class AvroIngestTest {

    // Its labelled topic is not <model>.labelled: the service IngestServiceTest leaves running must not read it.
    static final ModelSpec SPEC = ModelSpecs.parse("""
            {"name": "birds", "task": {"type": "classification", "classNames": ["Adelie", "Gentoo"],
             "labelField": "species"},
             "input": {"names": ["island", "bill", "mass"], "missing": {"bill": "mean"},
                       "categorical": {"island": {}}, "unknownFields": "ignore"},
             "layers": [{"dense": 2}], "training": {"holdout": 0.5}, "topics": {"labelled": "birds.examples"}}""");
    static final ModelTopics TOPICS = Topics.of(SPEC);
    static final Schema BIRD = new Schema.Parser().parse("""
            {"type": "record", "name": "Bird", "fields": [
              {"name": "island", "type": "string"},
              {"name": "bill", "type": ["null", "float"], "default": null},
              {"name": "mass", "type": "int"},
              {"name": "note", "type": "string", "default": ""},
              {"name": "species", "type": ["null", {"type": "enum", "name": "Species", "symbols": ["Adelie", "Gentoo"]}],
               "default": null}
            ]}""");
    static final Schema MASS_AS_TEXT = new Schema.Parser().parse("""
            {"type": "record", "name": "Bird", "fields": [
              {"name": "island", "type": "string"}, {"name": "mass", "type": "string"},
              {"name": "species", "type": "string"}]}""");
    static final Schema NO_MASS = new Schema.Parser().parse("""
            {"type": "record", "name": "Bird", "fields": [
              {"name": "island", "type": "string"}, {"name": "species", "type": "string"}]}""");

    /** One registry for both tests (a start is a few seconds): each registers its own subjects and uses their ids. */
    static SchemaRegistryProcess registry;

    @BeforeAll
    static void startRegistry() {
        registry = SchemaRegistryProcess.start();
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void avroRecordsAreRoutedOrDeadLetteredWithTheirReason(KafkaBroker broker) throws Exception {
        IngestAtScaleTest.createTopics(broker, SPEC);
        int bird = registry.register("birds.examples-value", BIRD.toString());
        int massAsText = registry.register("other-value", MASS_AS_TEXT.toString());
        int noMass = registry.register("third-value", NO_MASS.toString());
        var codec = new Codec(new AvroRecords(new SchemaRegistryClient(registry.confluentUrl())));
        try (var streams = start(broker, codec, "ingest-avro")) {
            produce(broker, Map.of(
                    "full", wire(bird, BIRD, Map.of("island", "Biscoe", "bill", 46.1f, "mass", 5000,
                            "note", "tagged", "species", "Gentoo")),
                    "no-bill", wire(bird, BIRD, Map.of("island", "Dream", "mass", 3700, "species", "Adelie")),
                    "no-label", wire(bird, BIRD, Map.of("island", "Dream", "mass", 3700)),
                    "mass-as-text", wire(massAsText, MASS_AS_TEXT,
                            Map.of("island", "Dream", "mass", "heavy", "species", "Adelie")),
                    "no-mass", wire(noMass, NO_MASS, Map.of("island", "Dream", "species", "Adelie")),
                    "unknown-id", ConfluentWire.frame(424242, new byte[] {2, 'x'})));

            var outcome = outcomes(broker, 6);

            assertThat(outcome).containsEntry("full", "routed").containsEntry("no-bill", "routed")
                    .containsEntry("no-label", "missing_label").containsEntry("mass-as-text", "wrong_type")
                    .containsEntry("no-mass", "missing_features").containsEntry("unknown-id", "invalid_binary");
        }
    }

    @Test
    void recordsWaitWhileTheRegistryDoesNotAnswerAndAreRoutedOnceItDoes(KafkaBroker broker) throws Exception {
        var spec = ModelSpecs.parse(ModelSpecs.toJson(SPEC).replace("birds", "outage"));
        IngestAtScaleTest.createTopics(broker, spec);
        var topics = Topics.of(spec);
        int bird = registry.register("outage.examples-value", BIRD.toString());
        var outage = new SwitchedRegistry(new SchemaRegistryClient(registry.confluentUrl()));
        var codec = new Codec(new AvroRecords(new PatientSchemaSource(outage, Duration.ofSeconds(30))));
        try (var streams = start(broker, codec, "ingest-avro-outage", topics)) {
            outage.down = true;
            produce(broker, topics, Map.of("waits", wire(bird, BIRD,
                    Map.of("island", "Biscoe", "mass", 5000, "species", "Gentoo"))));
            // Longer than the transaction timeout Kafka Streams sets under exactly-once (10 s): the open
            // transaction is aborted while the record waits, and it is still routed once, after the outage.
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(outage.refusals).isGreaterThanOrEqualTo(10);
            assertThat(outcomes(broker, topics, 1, Duration.ofSeconds(1))).isEmpty();
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
            outage.down = false;
            var outcome = outcomes(broker, topics, 1, Duration.ofSeconds(60));

            assertThat(outcome).containsExactly(Map.entry("waits", "routed"));
        }
    }

    /** The real registry behind a switch: switched off, it fails as an unreachable registry does. */
    static final class SwitchedRegistry implements SchemaSource {
        private final SchemaSource registry;
        volatile boolean down;
        volatile int refusals;

        SwitchedRegistry(SchemaSource registry) {
            this.registry = registry;
        }

        @Override
        public Schema schema(int id) {
            if (down) {
                refusals++;
                throw new RegistryUnavailableException("the schema registry cannot be reached (switched off)");
            }
            return registry.schema(id);
        }
    }

    private static KafkaStreams start(KafkaBroker broker, Codec codec, String applicationId) {
        return start(broker, codec, applicationId, TOPICS);
    }

    private static KafkaStreams start(KafkaBroker broker, Codec codec, String applicationId, ModelTopics topics) {
        var settings = new IngestTopology.Settings(Pattern.compile(Pattern.quote(topics.labelled().name())), 1 << 20,
                codec);
        var topology = IngestTopology.build(new StreamsBuilder(), settings, new IngestTopologyTest.RecordingListener(),
                TopicProvisioner.NONE);
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/" + applicationId);
        var streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(new StreamThreadRestarts("ingest"));
        streams.start();
        return streams;
    }

    /** A producer's record: {@code fields} by name, the species as the label (absent: an unlabelled record). */
    static byte[] wire(int id, Schema schema, Map<String, Object> fields) {
        var values = new HashMap<>(fields);
        var species = (String) values.remove("species");
        return new AvroRecordWriter(schema, id, "species").write(values,
                species == null ? null : new Label.Name(species), null);
    }

    private static void produce(KafkaBroker broker, Map<String, byte[]> records) {
        produce(broker, TOPICS, records);
    }

    private static void produce(KafkaBroker broker, ModelTopics topics, Map<String, byte[]> records) {
        try (var producer = broker.bytesProducer()) {
            records.forEach((key, value) -> producer.send(new ProducerRecord<>(topics.labelled().name(),
                    key.getBytes(StandardCharsets.UTF_8), value)));
        }
    }

    private static Map<String, String> outcomes(KafkaBroker broker, int expected) {
        return outcomes(broker, TOPICS, expected, Duration.ofSeconds(60));
    }

    /** Each key's fate: "routed" to train or test, or the reason it was dead-lettered. */
    private static Map<String, String> outcomes(KafkaBroker broker, ModelTopics topics, int expected,
                                                Duration patience) {
        var outcome = new HashMap<String, String>();
        var outputs = List.of(topics.train().name(), topics.test().name(), topics.rejected().name());
        try (var consumer = new KafkaConsumer<>(TestClients.consumerConfig(broker.bootstrapServers(), null),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitions = outputs.stream().flatMap(topic -> consumer.partitionsFor(topic).stream())
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + patience.toNanos();
            while (outcome.size() < expected && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    // A key written twice shows as "routed,routed": exactly once is part of what is checked.
                    outcome.merge(record.key(), record.topic().equals(topics.rejected().name())
                            ? DeadLetter.header(record.headers(), DeadLetter.REASON) : "routed", (a, b) -> a + "," + b);
                }
            }
        }
        return outcome;
    }
}
