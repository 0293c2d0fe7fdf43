package dev.samuel.deploy;

import dev.samuel.contracts.metrics.MetricNames;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every Prometheus series name the platform exposes: Samuel's own, derived from {@link MetricNames} with
 * Micrometer's Prometheus naming, plus the few Kafka client metrics the dashboards use.
 */
final class MetricCatalog {

    enum Kind { COUNTER, GAUGE, TIMER, SUMMARY }

    /**
     * The meter type each service registers under each name, and whether it publishes a histogram (buckets):
     * mirrors the builders in the services' *Metrics classes. A constant missing here fails
     * {@code DashboardsTest}, so a new metric is classified before a dashboard can use it.
     */
    record Meter(Kind kind, boolean histogram) {
    }

    static final Map<String, Meter> METERS = Map.ofEntries(
            Map.entry(MetricNames.INGEST_EXAMPLES, new Meter(Kind.COUNTER, false)),
            Map.entry(MetricNames.INGEST_REJECTED, new Meter(Kind.COUNTER, false)),
            Map.entry(MetricNames.TRAIN_LOSS, new Meter(Kind.GAUGE, false)),
            Map.entry(MetricNames.TRAIN_LOSS_STEPS, new Meter(Kind.SUMMARY, true)),
            Map.entry(MetricNames.TRAIN_SPEED, new Meter(Kind.GAUGE, false)),
            Map.entry(MetricNames.TRAIN_JOBS, new Meter(Kind.COUNTER, false)),
            Map.entry(MetricNames.TRAIN_DATASET_SIZE, new Meter(Kind.GAUGE, false)),
            Map.entry(MetricNames.TRAIN_DATASET_DROPPED, new Meter(Kind.COUNTER, false)),
            Map.entry(MetricNames.TEST_LOSS, new Meter(Kind.GAUGE, false)),
            Map.entry(MetricNames.TEST_ACCURACY, new Meter(Kind.GAUGE, false)),
            Map.entry(MetricNames.INFERENCE_LATENCY, new Meter(Kind.TIMER, true)),
            Map.entry(MetricNames.PREDICTIONS, new Meter(Kind.COUNTER, false)),
            Map.entry(MetricNames.INFERENCE_REJECTED, new Meter(Kind.COUNTER, false)),
            Map.entry(MetricNames.SERVED_VERSION, new Meter(Kind.GAUGE, false)),
            Map.entry(MetricNames.SWAPS, new Meter(Kind.TIMER, false)),
            Map.entry(MetricNames.INFERENCE_BATCH_SIZE, new Meter(Kind.SUMMARY, false)),
            Map.entry(MetricNames.INFERENCE_LOAD_FAILURES, new Meter(Kind.COUNTER, false)),
            Map.entry(MetricNames.REGISTRY_VERSIONS, new Meter(Kind.GAUGE, false)),
            Map.entry(MetricNames.REGISTRY_LATEST_VERSION, new Meter(Kind.GAUGE, false)),
            Map.entry(MetricNames.REGISTRY_ALIAS_VERSION, new Meter(Kind.GAUGE, false)),
            Map.entry(MetricNames.REGISTRY_ALIAS_MOVES, new Meter(Kind.COUNTER, false)),
            Map.entry(MetricNames.REGISTRY_ARTIFACT_BYTES, new Meter(Kind.GAUGE, false)),
            Map.entry(MetricNames.REGISTRY_VALIDATION_FAILURES, new Meter(Kind.COUNTER, false)),
            Map.entry(MetricNames.REGISTRY_CORRUPT_ARTIFACTS, new Meter(Kind.COUNTER, false)));

    /**
     * Kafka client metrics, which Micrometer names kafka_&lt;group&gt;_&lt;metric&gt;: only ingest exposes them
     * (Kafka Streams with quarkus.micrometer.binder.kafka.enabled; its IngestServiceTest asserts this one).
     */
    static final Set<String> KAFKA_CLIENT_METRICS = Set.of("kafka_consumer_fetch_manager_records_lag_max");

    private MetricCatalog() {
    }

    /** The metric-name constants of {@link MetricNames} (the tag-name constants left out). */
    static List<String> micrometerNames() {
        return Arrays.stream(MetricNames.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(MetricCatalog::value)
                .filter(name -> name.startsWith("samuel."))
                .toList();
    }

    /** Every series name a dashboard may query. */
    static Set<String> exposed() {
        var names = new TreeSet<>(KAFKA_CLIENT_METRICS);
        for (var name : micrometerNames()) {
            var meter = METERS.get(name);
            if (meter == null) {
                throw new IllegalStateException("no meter kind for " + name + " in MetricCatalog.METERS");
            }
            names.addAll(prometheusNames(name, meter));
        }
        return names;
    }

    /**
     * Micrometer's Prometheus names: dots become underscores; counters end in _total; timers are in seconds;
     * timers and summaries add _count, _sum and _max (quantiles are the base name with a quantile label), and
     * _bucket when they publish a histogram.
     */
    static List<String> prometheusNames(String micrometerName, Meter meter) {
        var base = micrometerName.replace('.', '_');
        return switch (meter.kind()) {
            case COUNTER -> List.of(base + "_total");
            case GAUGE -> List.of(base);
            case TIMER -> distribution(base + "_seconds", meter.histogram());
            case SUMMARY -> distribution(base, meter.histogram());
        };
    }

    private static List<String> distribution(String base, boolean histogram) {
        var names = new java.util.ArrayList<>(List.of(base, base + "_count", base + "_sum", base + "_max"));
        if (histogram) {
            names.add(base + "_bucket");
        }
        return names;
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
