package dev.samuel.inference.metrics;

import dev.samuel.contracts.event.RejectReason;
import dev.samuel.contracts.metrics.MetricNames;
import dev.samuel.inference.model.LoadFailure;
import dev.samuel.inference.swap.Champions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's metrics, named in {@link MetricNames}, each tagged with the model. Meters are looked up once
 * and cached: the scoring loop records per batch, not per event.
 */
public final class InferenceMetrics {

    private final MeterRegistry registry;
    private final Champions champions;
    private final Map<String, Object> meters = new ConcurrentHashMap<>();

    public InferenceMetrics(MeterRegistry registry, Champions champions) {
        this.registry = registry;
        this.champions = champions;
    }

    /** One scored batch: its size, how long decoding, scoring and encoding took, and the predictions made. */
    public void scored(String model, int version, int events, long nanos) {
        latency(model).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        batchSize(model).record(events);
        predictions(model, version).increment(events);
    }

    /** The registry the meters live in (tests read them from here). */
    public MeterRegistry registry() {
        return registry;
    }

    public void rejected(String model, RejectReason reason) {
        meter("rejected:" + model + ":" + reason.code(), () -> Counter.builder(MetricNames.INFERENCE_REJECTED)
                .description("Events dead-lettered by inference").tag(MetricNames.MODEL, model)
                .tag(MetricNames.REASON, reason.code()).register(registry), Counter.class).increment();
    }

    public void swapped(String model, Duration took) {
        meter("swaps:" + model, () -> Timer.builder(MetricNames.SWAPS)
                .description("Hot swaps, from the alias move read to the new version serving")
                .tag(MetricNames.MODEL, model).publishPercentiles(0.5, 0.99).register(registry), Timer.class)
                .record(took);
        servedVersion(model);
    }

    public void loadFailed(String model, LoadFailure failure) {
        meter("failed:" + model + ":" + failure.code(), () -> Counter.builder(MetricNames.INFERENCE_LOAD_FAILURES)
                .description("Champion versions refused while loading").tag(MetricNames.MODEL, model)
                .tag(MetricNames.REASON, failure.code()).register(registry), Counter.class).increment();
        servedVersion(model);
    }

    /** A drift detection, or the job it requested, said and committed (the judge's and the input detector's). */
    public void drift(String model, int version, String detector, String stream, String kind) {
        meter("drift:" + model + ":" + version + ":" + detector + ":" + stream + ":" + kind,
                () -> driftEvents(registry, model, version, detector, stream, kind), Counter.class).increment();
    }

    /** The one definition of {@link MetricNames#DRIFT_EVENTS}, for whichever part of the service detected it. */
    public static Counter driftEvents(MeterRegistry registry, String model, int version, String detector, String stream,
                                      String kind) {
        return Counter.builder(MetricNames.DRIFT_EVENTS).description("Drift detections and the jobs they requested")
                .tag(MetricNames.MODEL, model).tag(MetricNames.VERSION, Integer.toString(version))
                .tag(MetricNames.DETECTOR, detector).tag(MetricNames.STREAM, stream).tag(MetricNames.KIND, kind)
                .register(registry);
    }

    public Timer latency(String model) {
        return meter("latency:" + model, () -> Timer.builder(MetricNames.INFERENCE_LATENCY)
                .description("Time to decode, score and encode one batch of events")
                .tag(MetricNames.MODEL, model).publishPercentiles(0.5, 0.99).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry), Timer.class);
    }

    private DistributionSummary batchSize(String model) {
        return meter("batch:" + model, () -> DistributionSummary.builder(MetricNames.INFERENCE_BATCH_SIZE)
                .description("Events per ONNX Runtime run").tag(MetricNames.MODEL, model)
                .publishPercentiles(0.5, 0.99).register(registry), DistributionSummary.class);
    }

    private Counter predictions(String model, int version) {
        return meter("predictions:" + model + ":" + version, () -> Counter.builder(MetricNames.PREDICTIONS)
                .description("Predictions made").tag(MetricNames.MODEL, model)
                .tag(MetricNames.VERSION, Integer.toString(version)).register(registry), Counter.class);
    }

    private void servedVersion(String model) {
        meter("served:" + model, () -> Gauge.builder(MetricNames.SERVED_VERSION, champions,
                c -> c.servedVersion(model)).description("The version being served, 0 for none")
                .tag(MetricNames.MODEL, model).register(registry), Gauge.class);
    }

    private <T> T meter(String key, java.util.function.Supplier<T> create, Class<T> type) {
        return type.cast(meters.computeIfAbsent(key, k -> create.get()));
    }
}
