package dev.samuel.inference.inputs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.event.JsonWriter;
import dev.samuel.contracts.event.UnlabelledEvent;
import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.job.JobStatus;
import dev.samuel.contracts.json.Json;
import dev.samuel.contracts.metrics.MetricNames;
import dev.samuel.contracts.model.ProgramMetadata;
import dev.samuel.contracts.monitoring.DriftEvent;
import dev.samuel.contracts.monitoring.InputSummary;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.inference.app.InferenceRuntime;
import dev.samuel.inference.support.ArtifactServer;
import dev.samuel.inference.support.Events;
import dev.samuel.inference.support.OnnxModels;
import dev.samuel.inference.support.Outputs;
import dev.samuel.inference.support.Registry;
import dev.samuel.inference.support.Service;
import dev.samuel.testkit.InjectKafkaBroker;
import dev.samuel.testkit.KafkaBroker;
import dev.samuel.testkit.WithKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The input drift detector in the running service, on the embedded broker: events drawn as the version's training
 * data was say nothing; events with one feature moved give exactly one drift event on {@code samuel.drift} (stream
 * {@code input}) naming that feature, and with {@code inputDrift.retrain} one job request (trigger
 * {@code inputDrift}) on {@code samuel.jobs} starting at the window's first event. A version whose program carries no
 * summary is not watched.
 */
@WithKafka
class InputDriftTest {

    static final int FEATURES = 4;
    static final int CLASSES = 3;
    static final int WINDOW = 200;
    static final String SPEC = """
            {"name": "%s", "task": {"type": "classification", "classes": 3},
             "input": {"names": ["a", "b", "c", "d"]}, "layers": [{"dense": 3}],
             "monitoring": {"inputDrift": {"window": 200%s}}}""";

    @InjectKafkaBroker
    KafkaBroker broker;

    @Test
    void oneMovedFeatureIsOneDriftEventNamingIt() throws Exception {
        var id = UUID.randomUUID().toString().substring(0, 8);
        var watched = "inputs-" + id;
        var retrained = "inputs-retrain-" + id;
        var foreign = "inputs-foreign-" + id;
        broker.createTopic(Topics.REGISTRY.name(), 1, Topics.REGISTRY.settings().creationConfigs());
        try (var server = ArtifactServer.start(); var registry = Registry.to(broker.bootstrapServers(), server);
             var runtime = Service.start(broker.bootstrapServers(), server.url(), "inputs-" + id)) {
            serve(registry, runtime, watched, "", true);
            serve(registry, runtime, retrained, ", \"retrain\": true", true);
            serve(registry, runtime, foreign, "", false);
            var started = Instant.now();

            // As the training data was: nothing to say, and the PSI gauge is low.
            send(watched, 0, 1000, 0f);
            awaitPredictions(watched, 1000);
            assertThat(inputDrift(watched)).isEmpty();
            assertThat(gauge(runtime, MetricNames.INPUT_PSI_MAX, watched)).isBetween(0.0, 0.25);

            // Feature c moves by a quarter of its range: one drift, said once however long it lasts.
            send(watched, 1000, 2000, 0.5f);
            send(retrained, 0, 2000, 0.5f);
            send(foreign, 0, 2000, 0.5f);
            awaitPredictions(watched, 2000);
            awaitPredictions(retrained, 2000);
            awaitPredictions(foreign, 2000);

            var drift = inputDrift(watched);
            assertThat(drift).hasSize(1);
            var event = drift.get(0);
            assertThat(event.kind()).isEqualTo(DriftEvent.DRIFT);
            assertThat(event.detector()).isEqualTo(DriftEvent.PSI);
            assertThat(event.version()).isEqualTo(1);
            assertThat(event.feature()).isEqualTo("c");
            assertThat(event.psi()).isGreaterThan(0.25);
            assertThat(event.changeAgo()).isEqualTo(WINDOW);
            assertThat(event.jobId()).isNull();
            assertThat(gauge(runtime, MetricNames.INPUT_PSI_MAX, watched)).isGreaterThan(0.25);
            assertThat(runtime.metrics().registry().find(MetricNames.INPUT_PSI).tag(MetricNames.MODEL, watched)
                    .tag(MetricNames.FEATURE, "c").gauge()).isNotNull();
            assertThat(runtime.metrics().registry().find(MetricNames.INPUT_PSI).tag(MetricNames.MODEL, watched)
                    .gauges()).hasSizeLessThanOrEqualTo(InputDriftMetrics.TOP);
            assertThat(driftCount(runtime, watched, DriftEvent.DRIFT)).isEqualTo(1.0);

            // With retrain: the drift, the job it asked for, and the job request itself.
            var said = inputDrift(retrained);
            assertThat(said).extracting(DriftEvent::kind).containsExactly(DriftEvent.DRIFT, DriftEvent.RETRAIN);
            assertThat(said).extracting(DriftEvent::feature).containsOnly("c");
            var jobs = jobs(retrained);
            assertThat(jobs).hasSize(1);
            var job = jobs.get(0);
            assertThat(job.id()).isEqualTo(said.get(1).jobId());
            assertThat(job.status()).isEqualTo(JobStatus.REQUESTED);
            assertThat(job.trigger()).isEqualTo(InputMonitors.TRIGGER);
            assertThat(job.dataFrom().timestamp()).isEqualTo(said.get(1).changeTimestamp())
                    .isAfterOrEqualTo(started.minusSeconds(1)).isBeforeOrEqualTo(Instant.now());
            assertThat(driftCount(runtime, retrained, DriftEvent.RETRAIN)).isEqualTo(1.0);
            assertThat(jobs(watched)).isEmpty();

            // No summary in the program: not watched on its inputs.
            assertThat(inputDrift(foreign)).isEmpty();
            assertThat(runtime.metrics().registry().find(MetricNames.INPUT_PSI_MAX).tag(MetricNames.MODEL, foreign)
                    .gauge()).isNull();
        }
    }

    /** Registers and serves version 1 of a model, its program with the summary of {@link #row} or without. */
    private void serve(Registry registry, InferenceRuntime runtime, String model, String inputDrift, boolean summary) {
        registry.spec(ModelSpecs.parse(SPEC.formatted(model, inputDrift)));
        registry.version(model, 1, program(summary));
        registry.champion(model, 1);
        Service.awaitServed(runtime, model, 1);
    }

    private static byte[] program(boolean summary) {
        var random = new Random(5);
        var training = new ArrayList<float[]>();
        for (int i = 0; i < 5000; i++) {
            training.add(row(random, 0f));
        }
        var metadata = summary ? Map.of(ProgramMetadata.INPUT_SUMMARY, InputSummary.of(training).orElseThrow().toJson())
                : Map.<String, String>of();
        var layer = OnnxModels.Layer.random(new Random(1), FEATURES, CLASSES, false);
        return OnnxModels.mlp(FEATURES, List.of(layer), true, metadata);
    }

    /** Features uniform in [-1, 1), feature c (index 2) moved by {@code shift}. */
    private static float[] row(Random random, float shift) {
        var row = new float[FEATURES];
        for (int f = 0; f < FEATURES; f++) {
            row[f] = random.nextFloat() * 2 - 1;
        }
        row[2] += shift;
        return row;
    }

    private void send(String model, int from, int to, float shift) {
        var random = new Random(from + 31L * model.hashCode());
        try (var events = new Events(broker.bootstrapServers(), Topics.of(model).unlabelled().name(), FEATURES)) {
            for (int i = from; i < to; i++) {
                events.sendRaw("e-" + i, JsonWriter.write(UnlabelledEvent.of(row(random, shift))), null);
            }
            events.flush();
        }
    }

    private void awaitPredictions(String model, int count) {
        Outputs.all(broker.bootstrapServers(), Topics.of(model).predictions().name(), count, Duration.ofSeconds(60));
    }

    private List<DriftEvent> inputDrift(String model) {
        return read(Topics.DRIFT.name(), model, DriftEvent.class).stream()
                .filter(e -> DriftEvent.INPUT.equals(e.stream())).toList();
    }

    private List<JobRecord> jobs(String model) {
        return read(Topics.JOBS.name(), null, JobRecord.class).stream().filter(j -> model.equals(j.model())).toList();
    }

    /** Every committed record of a topic (keyed by {@code key}, when given), to its end. */
    private <T> List<T> read(String topic, String key, Class<T> type) {
        var values = new ArrayList<T>();
        for (ConsumerRecord<byte[], byte[]> record : Outputs.all(broker.bootstrapServers(), topic, 0,
                Duration.ofSeconds(30))) {
            if (key == null || key.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                try {
                    values.add(Json.MAPPER.readValue(record.value(), type));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return values;
    }

    private static double gauge(InferenceRuntime runtime, String name, String model) {
        return runtime.metrics().registry().get(name).tag(MetricNames.MODEL, model).gauge().value();
    }

    private static double driftCount(InferenceRuntime runtime, String model, String kind) {
        var counter = runtime.metrics().registry().find(MetricNames.DRIFT_EVENTS).tag(MetricNames.MODEL, model)
                .tag(MetricNames.STREAM, DriftEvent.INPUT).tag(MetricNames.KIND, kind).counter();
        return counter == null ? 0 : counter.count();
    }
}
