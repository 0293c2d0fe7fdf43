package dev.samuel.inference.inputs;

import dev.samuel.contracts.metrics.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * The served versions' input PSI as gauges: {@code samuel.input.psi.max} per model and version, the largest feature's
 * PSI, and {@code samuel.input.psi} per model, version and feature for the {@value #TOP} features whose PSI is largest
 * in the latest window only. A feature that leaves the top has its gauge removed: a model of 100 features shows at
 * most {@value #TOP} series, the ones a shift is in. A newer version's gauges replace the older one's.
 */
final class InputDriftMetrics {

    /** Features with a gauge of their own, per model. */
    static final int TOP = 5;

    private final MeterRegistry registry;
    private final Map<String, Shown> shown = new ConcurrentHashMap<>();

    InputDriftMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The latest window's PSI of each feature of a model's served version. */
    void show(String model, int version, List<String> names, double[] psi) {
        var figures = shown.get(model);
        if (figures == null || figures.version != version) {
            forget(model);
            figures = new Shown(version);
            figures.max = Gauge.builder(MetricNames.INPUT_PSI_MAX, figures, f -> f.maxValue)
                    .description("The largest PSI of a served version's input features over the latest window")
                    .tag(MetricNames.MODEL, model).tag(MetricNames.VERSION, Integer.toString(version))
                    .register(registry);
            shown.put(model, figures);
        }
        var top = IntStream.range(0, psi.length).boxed()
                .sorted(Comparator.comparingDouble((Integer f) -> psi[f]).reversed()).limit(TOP).toList();
        figures.maxValue = top.isEmpty() ? Double.NaN : psi[top.get(0)];
        var kept = new HashMap<String, Double>();
        top.forEach(f -> kept.put(names.get(f), psi[f]));
        var it = figures.features.entrySet().iterator();
        while (it.hasNext()) {
            var entry = it.next();
            if (!kept.containsKey(entry.getKey())) {
                registry.remove(entry.getValue().gauge);
                it.remove();
            }
        }
        for (var entry : kept.entrySet()) {
            var feature = figures.features.computeIfAbsent(entry.getKey(), name -> gauge(model, version, name));
            feature.value = entry.getValue();
        }
    }

    /** Removes a model's gauges: it serves another version, or none. */
    void forget(String model) {
        var figures = shown.remove(model);
        if (figures != null) {
            registry.remove(figures.max);
            figures.features.values().forEach(feature -> registry.remove(feature.gauge));
        }
    }

    private Value gauge(String model, int version, String feature) {
        var value = new Value();
        value.gauge = Gauge.builder(MetricNames.INPUT_PSI, value, v -> v.value)
                .description("A served version's input feature PSI over the latest window, for its largest ones")
                .tag(MetricNames.MODEL, model).tag(MetricNames.VERSION, Integer.toString(version))
                .tag(MetricNames.FEATURE, feature).register(registry);
        return value;
    }

    /** What one model's version shows; written by the scoring thread, read by the scrape. */
    private static final class Shown {

        private final int version;
        private final Map<String, Value> features = new LinkedHashMap<>();
        private Gauge max;
        private volatile double maxValue = Double.NaN;

        Shown(int version) {
            this.version = version;
        }
    }

    private static final class Value {

        private Gauge gauge;
        private volatile double value = Double.NaN;
    }
}
