package dev.samuel.ingest.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.samuel.contracts.event.DeadLetter;
import dev.samuel.contracts.event.RejectReason;
import dev.samuel.contracts.registry.SpecRecord;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.TopicNames;
import dev.samuel.contracts.split.HoldoutSplit;
import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.testkit.fuzz.MalformedRecords;
import dev.samuel.testkit.fuzz.MalformedRecords.Sample;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
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

/**
 * Ten thousand malformed labelled examples from testkit's seeded {@link MalformedRecords}, interleaved with valid
 * ones, through the real topology in {@code TopologyTestDriver}. Each malformed one must come out as exactly one
 * dead letter with its key, its bytes and the reason the generator expects; each valid one must reach its split
 * with its bytes and headers, in order per key. The seed is random per run (more inputs over time) and printed:
 * {@code -Dsamuel.fuzz.seed=<seed>} replays a failure.
 */
class IngestFuzzTest {

    static final int MALFORMED = 10_000;
    /** The service's default limit: a record of 100,000 nested arrays (200 KB) is parsed, not refused by size. */
    static final int MAX_BYTES = 1 << 20;
    static final double HOLDOUT = 0.2;
    static final ModelSpec SPEC = IngestTopologyTest.spec("fuzz", HOLDOUT, TopicNames.DEFAULTS);
    static final ModelTopics TOPICS = Topics.of(SPEC);
    /** Few keys, so many valid examples share one and their order is tested. */
    static final int KEYS = 50;

    final long seed = Long.getLong("samuel.fuzz.seed", System.nanoTime());
    final Random random = new Random(seed);
    final IngestTopologyTest.RecordingListener listener = new IngestTopologyTest.RecordingListener();
    final Map<String, Integer> expectedReasons = new TreeMap<>();
    final Map<String, Integer> actualReasons = new TreeMap<>();
    final Map<String, Integer> families = new TreeMap<>();
    final Map<String, List<Sample>> sentPerKey = new HashMap<>();
    final Map<String, List<TestRecord<byte[], byte[]>>> routedPerKey = new HashMap<>();
    final List<String> wrongSplit = new ArrayList<>();
    TopologyTestDriver driver;
    TestInputTopic<byte[], byte[]> labelled;
    TestOutputTopic<byte[], byte[]> train;
    TestOutputTopic<byte[], byte[]> test;
    TestOutputTopic<byte[], byte[]> rejected;

    @BeforeEach
    void start() {
        var settings = new IngestTopology.Settings(Pattern.compile(".+\\.labelled"), MAX_BYTES);
        var topology = IngestTopology.build(new StreamsBuilder(), settings, listener, topics -> { });
        var props = new Properties();
        props.put("application.id", "ingest-fuzz");
        driver = new TopologyTestDriver(topology, props);
        var record = new SpecRecord(SPEC, 1, Instant.EPOCH);
        driver.createInputTopic(Topics.REGISTRY.name(), new StringSerializer(), new ByteArraySerializer())
                .pipeInput(record.key(), Topics.REGISTRY.valueSerde().serializer().serialize("", record));
        labelled = driver.createInputTopic(TOPICS.labelled().name(), new ByteArraySerializer(), new ByteArraySerializer());
        train = output(TOPICS.train().name());
        test = output(TOPICS.test().name());
        rejected = output(TOPICS.rejected().name());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void tenThousandMalformedExamplesAreDeadLetteredAndTheValidOnesRoutedUnharmed() {
        long started = System.nanoTime();
        // One in ten from the heavy families (deep nesting, huge strings, oversized: 0.1 to 3 MB each) instead of
        // one in five halves the bytes generated and pushed through the driver (about 0.5 GB) and still gives
        // hundreds of each.
        var generator = MalformedRecords.labelled(seed, SPEC.input().featureCount(), SPEC.task().classes(), MAX_BYTES)
                .heavyShare(0.1);
        int valid = 0;
        for (int i = 0; i < MALFORMED; i++) {
            sendMalformed(i, generator.malformed());
            // About one valid example per two malformed ones, sometimes several in a row.
            while (random.nextInt(3) == 0) {
                sendValid(generator.valid(valid++));
            }
        }
        sendValid(generator.valid(valid++));

        var elapsed = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("IngestFuzzTest seed %d: %d malformed, %d valid in %d ms%n  dead letters per reason %s%n"
                + "  malformed per family %s%n", seed, MALFORMED, valid, elapsed, actualReasons, families);
        assertThat(actualReasons).as(context()).isEqualTo(expectedReasons);
        assertThat(actualReasons.values().stream().mapToInt(Integer::intValue).sum()).as(context()).isEqualTo(MALFORMED);
        assertThat(listener.rejected).as(context()).hasSize(MALFORMED);
        assertThat(listener.routed).as(context()).hasSize(valid);
        assertRoutedInOrderPerKey(valid);
    }

    /** The dead letter is read at once, so a failure names the record that caused it. */
    private void sendMalformed(int index, Sample sample) {
        var context = context() + ", malformed record " + index + ": " + sample;
        byte[] key = switch (random.nextInt(10)) {
            case 0 -> null;
            case 1 -> randomBytes();
            default -> key(random.nextInt(KEYS));
        };
        pipe(key, sample, context);
        expectedReasons.merge(sample.reason(), 1, Integer::sum);
        families.merge(sample.family().name(), 1, Integer::sum);

        assertThat(drainRouted()).as(context + ": nothing routed").isZero();
        var dead = rejected.readRecordsToList();
        assertThat(dead).as(context + ": one dead letter").hasSize(1);
        var letter = dead.get(0);
        var reason = DeadLetter.header(letter.headers(), DeadLetter.REASON);
        actualReasons.merge(String.valueOf(reason), 1, Integer::sum);
        assertThat(reason).as(context + ": reason").isEqualTo(sample.reason());
        if (sample.hint() != null) {
            assertThat(DeadLetter.header(letter.headers(), DeadLetter.MESSAGE)).as(context).contains(sample.hint());
        }
        assertThat(letter.key()).as(context + ": key").isEqualTo(key);
        // An oversized record's letter points at the record instead of carrying it.
        assertThat(letter.value()).as(context + ": bytes")
                .isEqualTo(sample.reason().equals(RejectReason.OVERSIZED.code()) ? null : sample.value());
        assertThat(DeadLetter.header(letter.headers(), DeadLetter.SOURCE_TOPIC)).isEqualTo(TOPICS.labelled().name());
    }

    /** One in ten keyless: those are keyed by the SHA-256 of their value. */
    private void sendValid(Sample sample) {
        var key = random.nextInt(10) == 0 ? null : key(random.nextInt(KEYS));
        pipe(key, sample, context() + ", valid record " + sample);
        var routedKey = key == null ? HoldoutSplit.keyFor(sample.value()) : new String(key, StandardCharsets.UTF_8);
        sentPerKey.computeIfAbsent(routedKey, k -> new ArrayList<>()).add(sample);
        assertThat(drainRouted()).as(context() + ": valid record routed once: " + sample).isEqualTo(1);
        assertThat(rejected.isEmpty()).as(context() + ": valid record dead-lettered: " + sample).isTrue();
    }

    /** Moves what reached train and test since the last call into {@link #routedPerKey}; returns how many. */
    private int drainRouted() {
        return drain(HoldoutSplit.Split.TRAIN, train) + drain(HoldoutSplit.Split.TEST, test);
    }

    private int drain(HoldoutSplit.Split split, TestOutputTopic<byte[], byte[]> output) {
        var topic = split == HoldoutSplit.Split.TRAIN ? TOPICS.train() : TOPICS.test();
        // Reading a topic nothing was routed to yet logs a warning each time; there is nothing to read anyway.
        if (!driver.producedTopicNames().contains(topic.name())) {
            return 0;
        }
        var records = output.readRecordsToList();
        for (var record : records) {
            var key = new String(record.key(), StandardCharsets.UTF_8);
            routedPerKey.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
            if (HoldoutSplit.of(key, HOLDOUT) != split) {
                wrongSplit.add(key);
            }
        }
        return records.size();
    }

    private void pipe(byte[] key, Sample sample, String context) {
        var record = new TestRecord<>(key, sample.value(), sample.headers());
        assertThatCode(() -> labelled.pipeInput(record)).as(context).doesNotThrowAnyException();
    }

    /** Each key's examples, in the order sent, with their bytes and headers, on the split the key belongs to. */
    private void assertRoutedInOrderPerKey(int valid) {
        assertThat(wrongSplit).as(context() + ": keys on the wrong split").isEmpty();
        assertThat(routedPerKey.values().stream().mapToInt(List::size).sum()).as(context()).isEqualTo(valid);
        assertThat(routedPerKey.keySet()).as(context()).isEqualTo(sentPerKey.keySet());
        sentPerKey.forEach((key, sent) -> {
            var got = routedPerKey.get(key);
            assertThat(got).as(context() + ", key " + key).hasSameSizeAs(sent);
            for (int i = 0; i < sent.size(); i++) {
                var what = context() + ", key " + key + ", example " + i + ": " + sent.get(i);
                assertThat(got.get(i).value()).as(what).isEqualTo(sent.get(i).value());
                assertThat(got.get(i).headers().toArray()).as(what).isEqualTo(sent.get(i).headers().toArray());
            }
        });
    }

    private String context() {
        return "seed " + seed + " (replay with -Dsamuel.fuzz.seed=" + seed + ")";
    }

    private static byte[] key(int n) {
        return ("example-" + n).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] randomBytes() {
        var bytes = new byte[1 + random.nextInt(32)];
        random.nextBytes(bytes);
        return bytes;
    }

    private TestOutputTopic<byte[], byte[]> output(String topic) {
        return driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
