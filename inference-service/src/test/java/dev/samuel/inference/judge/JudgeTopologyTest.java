package dev.samuel.inference.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.event.Codec;
import dev.samuel.contracts.event.JsonWriter;
import dev.samuel.contracts.event.Label;
import dev.samuel.contracts.event.LabelledExample;
import dev.samuel.contracts.event.Prediction;
import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.json.Json;
import dev.samuel.contracts.metrics.MetricNames;
import dev.samuel.contracts.monitoring.DriftEvent;
import dev.samuel.contracts.monitoring.Judgement;
import dev.samuel.contracts.monitoring.PerformanceRecord;
import dev.samuel.contracts.registry.RegistryState;
import dev.samuel.contracts.registry.SpecRecord;
import dev.samuel.contracts.registry.VersionRecord;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.contracts.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The judge's topology in Kafka Streams' test driver: the join, both orders of arrival, expiry, relabels, a poison
 * pill on each input topic, and a drift that requests a job starting at the change point.
 */
class JudgeTopologyTest {

    private static final String SPEC = """
            {"name": "m", "task": {"type": "classification", "classes": 2}, "input": {"features": 2},
             "layers": [{"dense": 2}],
             "monitoring": {"labelDelay": "PT1M", "driftMinExamples": 200, "drift": {"detector": "adwin"}}}""";
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RegistryState registry = new RegistryState();
    private final AtomicInteger prequentialCalls = new AtomicInteger();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> predictions;
    private TestInputTopic<byte[], byte[]> train;
    private TestInputTopic<byte[], byte[]> test;
    private TestInputTopic<byte[], byte[]> performanceIn;
    private TestOutputTopic<String, byte[]> performance;
    private TestOutputTopic<String, byte[]> drift;
    private TestOutputTopic<String, byte[]> jobs;

    @BeforeEach
    void start() {
        registry.apply("m", new SpecRecord(ModelSpecs.parse(SPEC), 1, START));
        var models = new ModelIndex(registry);
        // The champion of this test always predicts class 0 with probability 0.8, as version 7.
        Prequential champion = (model, example) -> {
            prequentialCalls.incrementAndGet();
            float[] scores = {0.8f, 0.2f};
            return Optional.of(new Prequential.Scored(7, Judgement.of(
                    dev.samuel.contracts.model.ModelSignature.ofPredictions(ModelSpecs.parse(SPEC)), scores, 0,
                    example.target(), null)));
        };
        var topology = JudgeTopology.build(new StreamsBuilder(), JudgeTopology.Settings.DEFAULT.inMemory(),
                Codec.WITHOUT_REGISTRY, models, champion, new JudgeMetrics(meters), Clock.systemUTC());
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "judge-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(topology, props, START);
        var bytes = new ByteArraySerializer();
        predictions = driver.createInputTopic("m.predictions", bytes, bytes, START, Duration.ofMillis(1));
        train = driver.createInputTopic("m.train", bytes, bytes, START, Duration.ofMillis(1));
        test = driver.createInputTopic("m.test", bytes, bytes, START, Duration.ofMillis(1));
        performanceIn = driver.createInputTopic("m.performance", bytes, bytes, START, Duration.ofMillis(1));
        performance = driver.createOutputTopic("m.performance", new StringDeserializer(), new ByteArrayDeserializer());
        drift = driver.createOutputTopic(Topics.DRIFT.name(), new StringDeserializer(), new ByteArrayDeserializer());
        jobs = driver.createOutputTopic(Topics.JOBS.name(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void theRealisedFiguresLeaveWithTheTaskThatWatchedTheModel() {
        predictions.pipeInput(key("e9"), prediction("e9", 3, 0.2f, 0.8f), START);
        train.pipeInput(key("e9"), label(1), START.plusSeconds(1));
        assertThat(meters.find(MetricNames.REALISED_ACCURACY).tag(MetricNames.VERSION, "3").gauges()).hasSize(2);
        assertThat(gauge(MetricNames.REALISED_ACCURACY)).isEqualTo(1.0);

        driver.close();
        driver = null;

        assertThat(meters.find(MetricNames.REALISED_ACCURACY).gauges()).isEmpty();
    }

    @Test
    void aLabelIsJudgedAgainstThePredictionThatWaitedForIt() throws Exception {
        predictions.pipeInput(key("e1"), prediction("e1", 3, 0.25f, 0.75f), START);
        train.pipeInput(key("e1"), label(1), START.plusSeconds(5));

        var result = read(performance.readValue());
        assertThat(result.id()).isEqualTo("e1");
        assertThat(result.version()).isEqualTo(3);
        assertThat(result.prequential()).isFalse();
        assertThat(result.loss()).isCloseTo(-Math.log(0.75), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(result.correct()).isTrue();
        assertThat(result.error()).isEqualTo(0.0);
        assertThat(result.labelDelayMs()).isEqualTo(5000);
        assertThat(result.topic()).isEqualTo("m.train");
        assertThat(prequentialCalls).hasValue(0);
    }

    @Test
    void aKeylessEventsPredictionIsJoinedByTheIdItCarries() throws Exception {
        predictions.pipeInput(null, prediction("m.unlabelled-2@41", 3, 0.9f, 0.1f), START);
        test.pipeInput(key("m.unlabelled-2@41"), label(1), START.plusSeconds(1));

        var result = read(performance.readValue());
        assertThat(result.id()).isEqualTo("m.unlabelled-2@41");
        assertThat(result.correct()).isFalse();
        assertThat(result.topic()).isEqualTo("m.test");
    }

    @Test
    void aLabelNoPredictionWaitedForIsScoredByTheChampionAndALaterPredictionIsNotJudgedAgain() throws Exception {
        train.pipeInput(key("e2"), label(0), START);
        predictions.pipeInput(key("e2"), prediction("e2", 3, 0.1f, 0.9f), START.plusSeconds(1));
        train.pipeInput(key("e2"), label(1), START.plusSeconds(2));

        var results = performance.readValuesToList();
        assertThat(results).hasSize(1);
        var result = read(results.get(0));
        assertThat(result.prequential()).isTrue();
        assertThat(result.version()).isEqualTo(7);
        assertThat(result.correct()).isTrue();
        assertThat(result.labelDelayMs()).isNull();
        assertThat(counter(MetricNames.UNJUDGED, "prediction_after_label")).isEqualTo(1);
        assertThat(counter(MetricNames.UNJUDGED, "relabel")).isEqualTo(1);
    }

    @Test
    void aPredictionWhoseLabelNeverComesExpiresAfterTheLabelDelay() throws Exception {
        predictions.pipeInput(key("e3"), prediction("e3", 3, 0.5f, 0.5f), START);
        assertThat(gauge(MetricNames.WAITING_PREDICTIONS)).isEqualTo(1);

        driver.advanceWallClockTime(Duration.ofMinutes(2));

        assertThat(counter(MetricNames.EXPIRED_PREDICTIONS, null)).isEqualTo(1);
        assertThat(gauge(MetricNames.WAITING_PREDICTIONS)).isZero();
        // Its label, coming after all, is judged as a new example would be: by the champion.
        train.pipeInput(key("e3"), label(0), START.plusSeconds(200));
        assertThat(read(performance.readValue()).prequential()).isTrue();
    }

    @Test
    void poisonPillsOnEveryInputTopicAreCountedAndTheJudgeGoesOn() throws Exception {
        predictions.pipeInput(null, "not json".getBytes(StandardCharsets.UTF_8), START);
        train.pipeInput(key("bad"), "{\"features\": [1, 2, 3], \"label\": 1}".getBytes(StandardCharsets.UTF_8), START);
        test.pipeInput(null, label(1), START);
        performanceIn.pipeInput("m".getBytes(StandardCharsets.UTF_8), "{oops".getBytes(StandardCharsets.UTF_8), START);

        assertThat(counter(MetricNames.UNJUDGED, "unreadable_prediction")).isEqualTo(1);
        assertThat(counter(MetricNames.UNJUDGED, "label_not_in_spec")).isEqualTo(1);
        assertThat(counter(MetricNames.UNJUDGED, "keyless_label")).isEqualTo(1);
        assertThat(counter(MetricNames.UNJUDGED, "unreadable_performance")).isEqualTo(1);
        aLabelIsJudgedAgainstThePredictionThatWaitedForIt();
    }

    @Test
    void aDriftIsDetectedAndRequestsOneJobStartingAtTheChangePoint() throws Exception {
        // 2,000 examples version 3 gets right, then it gets everything wrong from the example at train offset 2000.
        judged("x", 3, 3000, 0, i -> i < 2000 ? 0 : 1);
        var labelOffsets = new java.util.HashMap<String, Long>();
        performance.readValuesToList().stream().map(JudgeTopologyTest::result)
                .forEach(r -> labelOffsets.put(r.id(), r.offset()));
        var detections = drift.readValuesToList().stream().map(JudgeTopologyTest::event).toList();
        var first = detections.stream().filter(e -> e.kind().equals(DriftEvent.DRIFT)
                && e.stream().equals(DriftEvent.ERROR)).findFirst().orElseThrow();
        assertThat(first.detector()).isEqualTo("adwin");
        assertThat(first.examples()).isBetween(2001L, 2100L);
        // Where ADWIN's buckets allow: within a few examples of the change.
        assertThat(first.changeOffsets().get("m.train/0"))
                .isBetween(labelOffsets.get("x1990"), labelOffsets.get("x2010"));

        var retrain = detections.stream().filter(e -> e.kind().equals(DriftEvent.RETRAIN)).toList();
        assertThat(retrain).hasSize(1);
        var requests = jobs.readValuesToList();
        assertThat(requests).hasSize(1);
        var job = Json.MAPPER.readValue(requests.get(0), JobRecord.class);
        assertThat(job.trigger()).isEqualTo(JobRecord.DRIFT);
        assertThat(job.id()).isEqualTo(retrain.get(0).jobId());
        assertThat(job.dataFrom().offsets()).isEqualTo(first.changeOffsets());
        assertThat(retrain.get(0).changeAgo()).isGreaterThanOrEqualTo(200);
        assertThat(gauge(MetricNames.REALISED_ACCURACY)).isZero();
    }

    @Test
    void aVersionServingWellBelowWhatItsHoldoutPromisedFromItsFirstResultIsADrift() throws Exception {
        // Version 4 scored 0.95 on a holdout of 200; it serves at a steady one in three: no change for ADWIN to see.
        promising(4);
        judged("h", 4, 1500, 0, i -> i % 3 == 0 ? 0 : 1);

        var detections = drift.readValuesToList().stream().map(JudgeTopologyTest::event).toList();
        var gap = detections.stream().filter(e -> e.detector().equals(HoldoutPromise.DETECTOR)
                && e.kind().equals(DriftEvent.DRIFT)).toList();
        assertThat(gap).hasSize(1);
        assertThat(gap.get(0).examples()).isEqualTo(1000);
        assertThat(gap.get(0).changeAgo()).isEqualTo(1000);
        assertThat(detections).filteredOn(e -> e.stream().equals(DriftEvent.ERROR)
                && e.detector().equals("adwin")).isEmpty();
        var job = Json.MAPPER.readValue(jobs.readValuesToList().get(0), JobRecord.class);
        assertThat(job.trigger()).isEqualTo(JobRecord.DRIFT);
        assertThat(job.dataFrom().offsets()).containsOnlyKeys("m.train/0");
        assertThat(detections).filteredOn(e -> e.kind().equals(DriftEvent.RETRAIN)).singleElement()
                .satisfies(retrain -> assertThat(retrain.jobId()).isEqualTo(job.id()));
    }

    @Test
    void aVersionTrainedAfterADriftThatServesBelowItsPromiseIsRetrainedWhenItsCoolDownEnds() throws Exception {
        // Version 3 drifts and asks for a job; version 4, that job's, serves at one in three from its first result.
        promising(4);
        judged("c", 3, 2700, 0, i -> i < 2000 ? 0 : 1);
        judged("d", 4, 1200, 3000, i -> i % 3 == 0 ? 0 : 1);

        var requests = jobs.readValuesToList();
        assertThat(requests).hasSize(2);
        assertThat(drift.readValuesToList().stream().map(JudgeTopologyTest::event)
                .filter(e -> e.kind().equals(DriftEvent.RETRAIN)).map(DriftEvent::version).toList())
                .containsExactly(3, 4);
    }

    @Test
    void theHoldoutBoundAllowsForBothSamples() {
        assertThat(HoldoutPromise.bound(1000, 100)).isBetween(0.19, 0.21);
        assertThat(HoldoutPromise.bound(1000, 100_000)).isBetween(0.06, 0.063);
    }

    /**
     * {@code count} examples {@code <prefix><i>}, each predicted class 0 by {@code version} (scores 0.9, 0.1) and then
     * labelled {@code labelOf(i)} on the train topic, a millisecond apart from {@code fromMillis} after the start.
     */
    private void judged(String prefix, int version, int count, long fromMillis, IntUnaryOperator labelOf) {
        for (int i = 0; i < count; i++) {
            String id = prefix + i;
            predictions.pipeInput(key(id), prediction(id, version, 0.9f, 0.1f), START.plusMillis(fromMillis + i));
            train.pipeInput(key(id), label(labelOf.applyAsInt(i)), START.plusMillis(fromMillis + i));
        }
    }

    /** Registers {@code version}, whose holdout of 200 examples promised an accuracy of 0.95. */
    private void promising(int version) {
        registry.apply("m:" + version, new VersionRecord("m", version, "sha", 1,
                Map.of(VersionRecord.TEST_ACCURACY, 0.95), Map.of(VersionRecord.HOLDOUT_EXAMPLES, "200"), START, null));
    }

    private static byte[] key(String id) {
        return id.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] prediction(String id, int version, float... scores) {
        int best = scores[1] > scores[0] ? 1 : 0;
        return JsonWriter.write(new Prediction(id, "m", version, Label.of(best), scores));
    }

    private static byte[] label(int label) {
        return JsonWriter.write(LabelledExample.of(new float[] {1, 2}, label));
    }

    private static PerformanceRecord read(byte[] json) throws Exception {
        return Json.MAPPER.readValue(json, PerformanceRecord.class);
    }

    private static PerformanceRecord result(byte[] json) {
        try {
            return read(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static DriftEvent event(byte[] json) {
        try {
            return Json.MAPPER.readValue(json, DriftEvent.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private double counter(String name, String reason) {
        var search = meters.find(name).tag(MetricNames.MODEL, "m");
        if (reason != null) {
            search = search.tag(MetricNames.REASON, reason);
        }
        var counter = search.counter();
        return counter == null ? 0 : counter.count();
    }

    private double gauge(String name) {
        var gauge = meters.find(name).tag(MetricNames.MODEL, "m").gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }
}
