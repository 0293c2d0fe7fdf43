package dev.samuel.inference.judge;

import dev.samuel.contracts.metrics.MetricNames;
import dev.samuel.inference.metrics.InferenceMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The judge's metrics, named in {@link MetricNames}, each tagged with the model. Counts that the join's tasks keep
 * (predictions waiting) are summed over the tasks this instance holds; a task handed to another instance takes its
 * share along.
 */
final class JudgeMetrics {

    private final MeterRegistry registry;
    private final Map<String, Object> meters = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> waiting = new ConcurrentHashMap<>();
    private final Map<String, Realised> realised = new ConcurrentHashMap<>();

    JudgeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    MeterRegistry registry() {
        return registry;
    }

    void unjudged(String model, String reason) {
        meter("unjudged:" + model + ":" + reason, () -> Counter.builder(MetricNames.UNJUDGED)
                .description("Labelled examples or predictions that could not be judged")
                .tag(MetricNames.MODEL, model).tag(MetricNames.REASON, reason).register(registry), Counter.class)
                .increment();
    }

    void judged(String model, int version, boolean prequential) {
        String how = prequential ? MetricNames.PREQUENTIAL : MetricNames.JOINED;
        meter("judged:" + model + ":" + version + ":" + how, () -> Counter.builder(MetricNames.JUDGED_EXAMPLES)
                .description("Labelled examples judged against a prediction").tag(MetricNames.MODEL, model)
                .tag(MetricNames.VERSION, Integer.toString(version)).tag(MetricNames.JUDGED, how)
                .register(registry), Counter.class).increment();
    }

    /** A timer, not a summary of seconds: its histogram has buckets below a second, where most label delays are. */
    void labelDelay(String model, long millis) {
        meter("delay:" + model, () -> Timer.builder(MetricNames.LABEL_DELAY)
                .description("From an event to its label").tag(MetricNames.MODEL, model)
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofDays(7))
                .register(registry), Timer.class).record(Duration.ofMillis(millis));
    }

    void expired(String model) {
        meter("expired:" + model, () -> Counter.builder(MetricNames.EXPIRED_PREDICTIONS)
                .description("Predictions whose label did not come within monitoring.labelDelay")
                .tag(MetricNames.MODEL, model).register(registry), Counter.class).increment();
    }

    void drift(String model, int version, String detector, String stream, String kind) {
        meter("drift:" + model + ":" + version + ":" + detector + ":" + stream + ":" + kind,
                () -> InferenceMetrics.driftEvents(registry, model, version, detector, stream, kind), Counter.class)
                .increment();
    }

    /**
     * The watched version's realised accuracy and loss over both windows. Its gauges are made on its first
     * reading, and the previous version's are removed then: a dashboard shows the served version's figures.
     */
    void realised(String model, int version, RealisedWindow recent, RealisedWindow timed) {
        var figures = realised.get(model);
        if (figures == null || figures.version != version) {
            if (figures != null) {
                figures.meters.forEach(registry::remove);
            }
            figures = new Realised(version);
            figures.register(model, registry);
            realised.put(model, figures);
        }
        figures.values = new double[] {recent.accuracy(), timed.accuracy(), recent.loss(), timed.loss()};
    }

    /** Removes a model's realised gauges: the task that watched it moved to another instance, which reports them now. */
    void forgetRealised(String model) {
        var figures = realised.remove(model);
        if (figures != null) {
            figures.meters.forEach(registry::remove);
        }
    }

    /** One task's share of the predictions waiting, starting from what its store holds. */
    Waiting waiting(Map<String, Long> initial) {
        var share = new Waiting();
        initial.forEach(share::add);
        return share;
    }

    private AtomicLong waitingTotal(String model) {
        return waiting.computeIfAbsent(model, m -> {
            var total = new AtomicLong();
            Gauge.builder(MetricNames.WAITING_PREDICTIONS, total, AtomicLong::get)
                    .description("Predictions waiting for their label").tag(MetricNames.MODEL, m).register(registry);
            return total;
        });
    }

    <T> T meter(String key, Supplier<T> create, Class<T> type) {
        return type.cast(meters.computeIfAbsent(key, k -> create.get()));
    }

    /** A task's count of waiting predictions; closing it takes them out of the instance's gauge. */
    final class Waiting implements AutoCloseable {

        private final Map<String, Long> mine = new HashMap<>();

        void add(String model, long delta) {
            mine.merge(model, delta, Long::sum);
            waitingTotal(model).addAndGet(delta);
        }

        @Override
        public void close() {
            mine.forEach((model, count) -> waitingTotal(model).addAndGet(-count));
            mine.clear();
        }
    }

    /** A version's latest realised figures, written by the stream thread and read by the scrape. */
    private static final class Realised {

        private final int version;
        private final List<Meter> meters = new ArrayList<>();
        private volatile double[] values = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};

        Realised(int version) {
            this.version = version;
        }

        void register(String model, MeterRegistry registry) {
            gauge(registry, model, MetricNames.REALISED_ACCURACY, MetricNames.WINDOW_EXAMPLES, 0);
            gauge(registry, model, MetricNames.REALISED_ACCURACY, MetricNames.WINDOW_TIME, 1);
            gauge(registry, model, MetricNames.REALISED_LOSS, MetricNames.WINDOW_EXAMPLES, 2);
            gauge(registry, model, MetricNames.REALISED_LOSS, MetricNames.WINDOW_TIME, 3);
        }

        private void gauge(MeterRegistry registry, String model, String name, String window, int index) {
            meters.add(Gauge.builder(name, this, r -> r.values[index])
                    .description("The served version's realised figure over its window of judged examples")
                    .tag(MetricNames.MODEL, model).tag(MetricNames.VERSION, Integer.toString(version))
                    .tag(MetricNames.WINDOW, window).register(registry));
        }
    }
}
