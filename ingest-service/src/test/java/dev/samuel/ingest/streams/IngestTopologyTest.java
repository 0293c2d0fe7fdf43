package dev.samuel.ingest.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.event.BinaryCodec;
import dev.samuel.contracts.event.DeadLetter;
import dev.samuel.contracts.event.Encoding;
import dev.samuel.contracts.event.JsonWriter;
import dev.samuel.contracts.event.LabelledExample;
import dev.samuel.contracts.event.RejectReason;
import dev.samuel.contracts.registry.SpecRecord;
import dev.samuel.contracts.spec.Fill;
import dev.samuel.contracts.spec.Input;
import dev.samuel.contracts.spec.Layer;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.Task;
import dev.samuel.contracts.spec.TopicNames;
import dev.samuel.contracts.spec.Training;
import dev.samuel.contracts.split.HoldoutSplit;
import dev.samuel.contracts.split.HoldoutSplit.Split;
import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.contracts.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IngestTopologyTest {

    static final ModelSpec DIGITS = spec("digits", 0.2, TopicNames.DEFAULTS);
    static final ModelTopics TOPICS = Topics.of(DIGITS);
    static final int MAX_BYTES = 4096;

    final RecordingListener listener = new RecordingListener();
    final List<String> provisioned = new ArrayList<>();
    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> registry;
    TestInputTopic<String, byte[]> labelled;
    TestOutputTopic<byte[], byte[]> train;
    TestOutputTopic<byte[], byte[]> test;
    TestOutputTopic<byte[], byte[]> rejected;

    @BeforeEach
    void start() {
        var settings = new IngestTopology.Settings(Pattern.compile(".+\\.labelled"), MAX_BYTES);
        var topology = IngestTopology.build(new StreamsBuilder(), settings, listener,
                topics -> provisioned.add(topics.model()));
        var props = new Properties();
        props.put("application.id", "ingest-test");
        driver = new TopologyTestDriver(topology, props);
        registry = driver.createInputTopic(Topics.REGISTRY.name(), new StringSerializer(), new ByteArraySerializer());
        labelled = input(TOPICS.labelled().name());
        train = output(TOPICS.train().name());
        test = output(TOPICS.test().name());
        rejected = output(TOPICS.rejected().name());
        register(DIGITS);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void validExamplesGoToTheirSplitWithTheirBytesUnchanged() {
        var trainKey = keyIn(Split.TRAIN, 0.2);
        var testKey = keyIn(Split.TEST, 0.2);
        byte[] value = json(example(1f, 2f, 3f, 4));
        labelled.pipeInput(trainKey, value);
        labelled.pipeInput(testKey, value);

        var routedToTrain = train.readRecord();
        assertThat(new String(routedToTrain.key(), StandardCharsets.UTF_8)).isEqualTo(trainKey);
        assertThat(routedToTrain.value()).isEqualTo(value);
        assertThat(new String(test.readRecord().key(), StandardCharsets.UTF_8)).isEqualTo(testKey);
        assertThat(rejected.isEmpty()).isTrue();
        assertThat(listener.routed).containsExactly("digits:train", "digits:test");
        assertThat(provisioned).containsExactly("digits");
    }

    @Test
    void binaryExamplesAreRoutedWithTheirEncodingHeader() {
        var headers = new RecordHeaders().add(Encoding.HEADER, Encoding.F32LE.headerValue());
        byte[] value = BinaryCodec.write(example(1f, 2f, 3f, 9));

        labelled.pipeInput(new TestRecord<>(keyIn(Split.TRAIN, 0.2), value, headers));

        var routed = train.readRecord();
        assertThat(routed.value()).isEqualTo(value);
        assertThat(Encoding.of(routed.headers())).isEqualTo(Encoding.F32LE);
    }

    @Test
    void keylessExamplesAreKeyedByTheSha256OfTheirValue() {
        byte[] value = json(example(1f, 2f, 3f, 0));

        labelled.pipeInput((String) null, value);

        var expectedKey = HoldoutSplit.keyFor(value);
        var out = HoldoutSplit.of(expectedKey, 0.2) == Split.TEST ? test : train;
        assertThat(new String(out.readRecord().key(), StandardCharsets.UTF_8)).isEqualTo(expectedKey);
    }

    @Test
    void eachInvalidExampleIsDeadLetteredWithItsReason() {
        assertRejected("{\"features\": [1, 2, 3], \"label\": 10}", RejectReason.INVALID_LABEL);
        assertRejected("{\"features\": [1, 2], \"label\": 1}", RejectReason.WRONG_DIMENSION);
        assertRejected("{\"features\": [1, 2, 1e39], \"label\": 1}", RejectReason.NOT_FINITE);
        assertRejected("{\"features\": [1, 2, 3]}", RejectReason.MISSING_LABEL);
        assertRejected("{\"label\": 1}", RejectReason.MISSING_FEATURES);
        assertRejected("{\"features\": [1, 2, 3], \"label\": 1, \"weight\": -2}", RejectReason.INVALID_WEIGHT);
        assertRejected("{\"features\": [" + "0,".repeat(MAX_BYTES / 2) + "0], \"label\": 1}", RejectReason.OVERSIZED);
    }

    @Test
    void anOversizedExampleIsDeadLetteredWithoutItsValueButWithWhereItStays() {
        labelled.pipeInput("big", ("{\"features\": [" + "0,".repeat(MAX_BYTES) + "0], \"label\": 1}")
                .getBytes(StandardCharsets.UTF_8));
        var letter = rejected.readRecord();
        assertThat(letter.value()).isNull();
        assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("big");
        assertThat(DeadLetter.header(letter.headers(), DeadLetter.REASON)).isEqualTo(RejectReason.OVERSIZED.code());
        assertThat(DeadLetter.header(letter.headers(), DeadLetter.MESSAGE)).contains("exceeds the limit of " + MAX_BYTES);
        assertThat(DeadLetter.header(letter.headers(), DeadLetter.SOURCE_TOPIC)).isEqualTo(TOPICS.labelled().name());
        assertThat(DeadLetter.header(letter.headers(), DeadLetter.SOURCE_OFFSET)).isEqualTo("0");
    }

    @Test
    void poisonPillsAreDeadLetteredNotFatal() {
        assertRejected("\u00ff\u0013 not json at all", RejectReason.INVALID_JSON);
        // A first byte 0 is the Confluent wire format's; this topology has no schema registry to read it with.
        assertRejected("\u0000\u00ff\u0013 not json at all", RejectReason.UNKNOWN_ENCODING);
        assertRejected("", RejectReason.INVALID_JSON);
        labelled.pipeInput("null-value", (byte[]) null);
        assertThat(DeadLetter.header(rejected.readRecord().headers(), DeadLetter.REASON))
                .isEqualTo(RejectReason.MISSING_FEATURES.code());

        var badBinary = new RecordHeaders().add(Encoding.HEADER, Encoding.F32LE.headerValue());
        labelled.pipeInput(new TestRecord<>("k", new byte[] {1, 2, 3}, badBinary));
        assertThat(DeadLetter.header(rejected.readRecord().headers(), DeadLetter.REASON))
                .isEqualTo(RejectReason.INVALID_BINARY.code());

        var unknownEncoding = new RecordHeaders().add(Encoding.HEADER, "avro".getBytes(StandardCharsets.UTF_8));
        labelled.pipeInput(new TestRecord<>("k", new byte[] {1}, unknownEncoding));
        assertThat(DeadLetter.header(rejected.readRecord().headers(), DeadLetter.REASON))
                .isEqualTo(RejectReason.UNKNOWN_ENCODING.code());

        // A header without a value made the decoder throw a NullPointerException, which killed the stream thread.
        var noValue = new RecordHeaders().add(Encoding.HEADER, null);
        labelled.pipeInput(new TestRecord<>("k", json(example(1f, 2f, 3f, 1)), noValue));
        assertThat(DeadLetter.header(rejected.readRecord().headers(), DeadLetter.REASON))
                .isEqualTo(RejectReason.UNKNOWN_ENCODING.code());

        labelled.pipeInput("still-alive", json(example(1f, 2f, 3f, 1)));
        assertThat(train.getQueueSize() + test.getQueueSize()).isEqualTo(1);
    }

    @Test
    void deadLettersKeepKeyBytesAndSayWhereTheyCameFrom() {
        byte[] value = "{oops".getBytes(StandardCharsets.UTF_8);
        labelled.pipeInput("the-key", value);

        var dead = rejected.readRecord();
        assertThat(dead.key()).isEqualTo("the-key".getBytes(StandardCharsets.UTF_8));
        assertThat(dead.value()).isEqualTo(value);
        assertThat(DeadLetter.header(dead.headers(), DeadLetter.SOURCE_TOPIC)).isEqualTo(TOPICS.labelled().name());
        assertThat(DeadLetter.header(dead.headers(), DeadLetter.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(DeadLetter.header(dead.headers(), DeadLetter.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(DeadLetter.header(dead.headers(), DeadLetter.MESSAGE)).startsWith("not valid JSON");
        assertThat(listener.rejected).containsExactly("digits:invalid_json");
    }

    @Test
    void examplesOfAnUnknownModelAreDeadLetteredUntilItsSpecArrives() {
        var late = spec("late", 0.5, TopicNames.DEFAULTS);
        var lateTopics = Topics.of(late);
        var lateLabelled = input(lateTopics.labelled().name());
        var lateRejected = output(lateTopics.rejected().name());

        lateLabelled.pipeInput("k1", json(example(1f, 2f, 3f, 1)));
        assertThat(DeadLetter.header(lateRejected.readRecord().headers(), DeadLetter.REASON))
                .isEqualTo(RejectReason.UNKNOWN_MODEL.code());

        register(late);
        lateLabelled.pipeInput("k2", json(example(1f, 2f, 3f, 1)));
        assertThat(output(lateTopics.train().name()).getQueueSize() + output(lateTopics.test().name()).getQueueSize())
                .isEqualTo(1);
    }

    @Test
    void aSpecUpdateChangesTheHoldoutWithoutARestart() {
        var key = "example-7";
        assertThat(HoldoutSplit.of(key, 0.2)).isEqualTo(Split.TRAIN);
        assertThat(HoldoutSplit.of(key, 0.9)).isEqualTo(Split.TEST);

        register(spec("digits", 0.9, TopicNames.DEFAULTS));
        labelled.pipeInput(key, json(example(1f, 2f, 3f, 1)));

        assertThat(test.getQueueSize()).isEqualTo(1);
    }

    @Test
    void aSpecMayRenameItsTopics() {
        var renamed = spec("renamed", 0.2,
                new TopicNames("raw.renamed.labelled", "renamed.t", "renamed.h", null, null, "renamed.dead"));
        var topics = Topics.of(renamed);
        register(renamed);

        input(topics.labelled().name()).pipeInput(keyIn(Split.TRAIN, 0.2), json(example(1f, 2f, 3f, 1)));
        input(topics.labelled().name()).pipeInput("bad", "[]".getBytes(StandardCharsets.UTF_8));

        assertThat(topics.train().name()).isEqualTo("renamed.t");
        assertThat(output(topics.train().name()).getQueueSize()).isEqualTo(1);
        assertThat(output(topics.rejected().name()).getQueueSize()).isEqualTo(1);
    }

    @Test
    void anUnreadableRegistryRecordIsSkipped() {
        registry.pipeInput("broken", "{not a record".getBytes(StandardCharsets.UTF_8));
        var broken = Topics.of("broken");

        input(broken.labelled().name()).pipeInput("k", json(example(1f, 2f, 3f, 1)));

        assertThat(DeadLetter.header(output(broken.rejected().name()).readRecord().headers(), DeadLetter.REASON))
                .isEqualTo(RejectReason.UNKNOWN_MODEL.code());
    }

    @Test
    void aTabularRecordMayMissWhatTheSpecAllowsAndNothingElse() {
        var loans = new ModelSpec("loans", Task.classification(2), new Input(null, List.of("income", "debt"), null,
                null, java.util.Map.of("debt", Fill.MEAN), null, null), List.of(Layer.dense(2)), null, null, null,
                new Training(null, null, 0.2, null), null, TopicNames.DEFAULTS);
        register(loans);
        var topics = Topics.of(loans);
        var loansLabelled = input(topics.labelled().name());
        var loansRejected = output(topics.rejected().name());
        var accepted = List.of("{\"features\": {\"income\": 10, \"debt\": null}, \"label\": 1}",
                "{\"features\": {\"income\": 10}, \"label\": 0}", "{\"features\": [10, null], \"label\": 0}");
        accepted.forEach(value -> loansLabelled.pipeInput(keyIn(Split.TRAIN, 0.2), value.getBytes(StandardCharsets.UTF_8)));

        assertThat(output(topics.train().name()).readValuesToList()).hasSize(3);
        assertThat(loansRejected.isEmpty()).isTrue();
        var refused = List.of("{\"features\": {\"income\": null, \"debt\": 2}, \"label\": 1}",
                "{\"features\": {\"income\": \"high\", \"debt\": 2}, \"label\": 1}",
                "{\"features\": {\"income\": 1, \"debt\": 2, \"city\": \"Oslo\"}, \"label\": 1}");
        refused.forEach(value -> loansLabelled.pipeInput("key", value.getBytes(StandardCharsets.UTF_8)));
        assertThat(loansRejected.readRecordsToList()).extracting(r -> DeadLetter.header(r.headers(), DeadLetter.REASON))
                .containsExactly(RejectReason.MISSING_FEATURES.code(), RejectReason.WRONG_TYPE.code(),
                        RejectReason.UNKNOWN_FEATURE.code());
    }

    private void assertRejected(String value, RejectReason reason) {
        labelled.pipeInput("key", value.getBytes(StandardCharsets.UTF_8));
        assertThat(rejected.isEmpty()).as("a dead letter for " + reason).isFalse();
        assertThat(DeadLetter.header(rejected.readRecord().headers(), DeadLetter.REASON)).isEqualTo(reason.code());
        assertThat(train.isEmpty() && test.isEmpty()).isTrue();
    }

    private void register(ModelSpec spec) {
        var record = new SpecRecord(spec, 1, Instant.EPOCH);
        registry.pipeInput(record.key(), Topics.REGISTRY.valueSerde().serializer().serialize("", record));
    }

    private TestInputTopic<String, byte[]> input(String topic) {
        return driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer());
    }

    private TestOutputTopic<byte[], byte[]> output(String topic) {
        return driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    static ModelSpec spec(String name, double holdout, TopicNames topics) {
        return new ModelSpec(name, Task.classification(10), Input.of(3),
                List.of(Layer.dense(4, "relu"), Layer.dense(10)), null, null, null,
                new Training(null, null, holdout, null), null, topics);
    }

    static LabelledExample example(float a, float b, float c, int label) {
        return LabelledExample.of(new float[] {a, b, c}, label);
    }

    static byte[] json(LabelledExample example) {
        return JsonWriter.write(example);
    }

    /** The first key of the form {@code example-N} that the split rule sends to {@code split}. */
    static String keyIn(Split split, double holdout) {
        for (int i = 0; ; i++) {
            if (HoldoutSplit.of("example-" + i, holdout) == split) {
                return "example-" + i;
            }
        }
    }

    static final class RecordingListener implements RoutingListener {
        final List<String> routed = new ArrayList<>();
        final List<String> rejected = new ArrayList<>();

        @Override
        public void routed(String model, Split split) {
            routed.add(model + ":" + split.code());
        }

        @Override
        public void rejected(String model, RejectReason reason) {
            rejected.add(model + ":" + reason.code());
        }
    }
}
