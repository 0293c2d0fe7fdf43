package dev.samuel.deploy;

import dev.samuel.contracts.job.JobStatus;
import dev.samuel.contracts.metrics.MetricNames;
import dev.samuel.contracts.monitoring.DriftEvent;
import dev.samuel.contracts.split.HoldoutSplit;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every Prometheus series name the platform exposes: Samuel's own, derived from {@link MetricNames} with
 * Micrometer's Prometheus naming, plus the few Kafka client metrics the dashboards use.
 */
final class MetricCatalog {

    enum Kind { COUNTER, GAUGE, TIMER, SUMMARY }

    /** Labels Prometheus adds to every scraped series: the scrape job and the target. */
    static final Set<String> TARGET_LABELS = Set.of("job", "instance");

    /**
     * The meter type each service registers under each name, whether it publishes a histogram (buckets) and
     * percentiles (the base series with a {@code quantile} label), its base unit (Micrometer appends it to a
     * counter's, gauge's or summary's name unless the name ends with it) and its tags: mirrors the builders in
     * the services' *Metrics classes. A constant missing here fails {@code DashboardsTest}, so a new metric is
     * classified before a dashboard can use it.
     */
    record Meter(Kind kind, boolean histogram, boolean percentiles, String baseUnit, Set<String> tags) {

        Meter {
            tags = Stream.concat(Stream.of(MetricNames.MODEL), tags.stream()).collect(Collectors.toUnmodifiableSet());
        }

        Meter(Kind kind, boolean histogram) {
            this(kind, histogram, false, null, Set.of());
        }

        Meter withPercentiles() {
            return new Meter(kind, histogram, true, baseUnit, tags);
        }

        Meter withUnit(String unit) {
            return new Meter(kind, histogram, percentiles, unit, tags);
        }

        Meter withTags(String... names) {
            return new Meter(kind, histogram, percentiles, baseUnit, Set.of(names));
        }
    }

    static final Map<String, Meter> METERS = Map.ofEntries(
            Map.entry(MetricNames.INGEST_EXAMPLES, counter().withTags(MetricNames.SPLIT)),
            Map.entry(MetricNames.INGEST_REJECTED, counter().withTags(MetricNames.REASON)),
            Map.entry(MetricNames.TRAIN_LOSS, gauge()),
            Map.entry(MetricNames.TRAIN_LOSS_STEPS, new Meter(Kind.SUMMARY, true)),
            Map.entry(MetricNames.TRAIN_SPEED, gauge()),
            Map.entry(MetricNames.TRAIN_JOBS, counter().withTags(MetricNames.OUTCOME)),
            Map.entry(MetricNames.TRAIN_DATASET_SIZE, gauge().withTags(MetricNames.SPLIT)),
            Map.entry(MetricNames.TRAIN_DATASET_DROPPED, counter().withTags(MetricNames.REASON)),
            Map.entry(MetricNames.TRAIN_STORE_BYTES, gauge().withUnit("bytes")),
            Map.entry(MetricNames.TRAIN_STORE_REFUSED, gauge()),
            Map.entry(MetricNames.TRAIN_OWNED, gauge()),
            Map.entry(MetricNames.TEST_LOSS, gauge().withTags(MetricNames.VERSION)),
            Map.entry(MetricNames.TEST_ACCURACY, gauge().withTags(MetricNames.VERSION)),
            Map.entry(MetricNames.INFERENCE_LATENCY, new Meter(Kind.TIMER, true).withPercentiles()),
            Map.entry(MetricNames.PREDICTIONS, counter().withTags(MetricNames.VERSION)),
            Map.entry(MetricNames.INFERENCE_REJECTED, counter().withTags(MetricNames.REASON)),
            Map.entry(MetricNames.SERVED_VERSION, gauge()),
            Map.entry(MetricNames.SWAPS, new Meter(Kind.TIMER, false).withPercentiles()),
            Map.entry(MetricNames.INFERENCE_BATCH_SIZE, new Meter(Kind.SUMMARY, false).withPercentiles()),
            Map.entry(MetricNames.INFERENCE_LOAD_FAILURES, counter().withTags(MetricNames.REASON)),
            // The judge (inference-service, JudgeMetrics).
            Map.entry(MetricNames.REALISED_ACCURACY, gauge().withTags(MetricNames.VERSION, MetricNames.WINDOW)),
            Map.entry(MetricNames.REALISED_LOSS, gauge().withTags(MetricNames.VERSION, MetricNames.WINDOW)),
            Map.entry(MetricNames.JUDGED_EXAMPLES, counter().withTags(MetricNames.VERSION, MetricNames.JUDGED)),
            Map.entry(MetricNames.LABEL_DELAY, new Meter(Kind.TIMER, true).withPercentiles()),
            Map.entry(MetricNames.WAITING_PREDICTIONS, gauge()),
            Map.entry(MetricNames.EXPIRED_PREDICTIONS, counter()),
            Map.entry(MetricNames.UNJUDGED, counter().withTags(MetricNames.REASON)),
            Map.entry(MetricNames.DRIFT_EVENTS, counter().withTags(MetricNames.VERSION, MetricNames.DETECTOR,
                    MetricNames.STREAM, MetricNames.KIND)),
            // The input drift detector (inference-service, inputs.InputDriftMetrics).
            Map.entry(MetricNames.INPUT_PSI_MAX, gauge().withTags(MetricNames.VERSION)),
            Map.entry(MetricNames.INPUT_PSI, gauge().withTags(MetricNames.VERSION, MetricNames.FEATURE)),
            Map.entry(MetricNames.REGISTRY_VERSIONS, gauge()),
            Map.entry(MetricNames.REGISTRY_LATEST_VERSION, gauge()),
            Map.entry(MetricNames.REGISTRY_ALIAS_VERSION, gauge().withTags(MetricNames.ALIAS)),
            Map.entry(MetricNames.REGISTRY_ALIAS_MOVES, counter().withTags(MetricNames.ALIAS)),
            Map.entry(MetricNames.REGISTRY_ARTIFACT_BYTES, gauge().withUnit("bytes")),
            Map.entry(MetricNames.REGISTRY_VALIDATION_FAILURES, counter().withTags(MetricNames.REASON)),
            Map.entry(MetricNames.REGISTRY_CORRUPT_ARTIFACTS, counter()));

    /**
     * The values a tag can take where the contracts fix them; a dashboard that matches one of these tags on
     * another value selects nothing. Tags left out (reason, alias, version, detector, feature) take open-ended values.
     */
    static final Map<String, Set<String>> TAG_VALUES = Map.of(
            MetricNames.WINDOW, Set.of(MetricNames.WINDOW_EXAMPLES, MetricNames.WINDOW_TIME),
            MetricNames.JUDGED, Set.of(MetricNames.JOINED, MetricNames.PREQUENTIAL),
            MetricNames.KIND, Set.of(DriftEvent.DRIFT, DriftEvent.WARNING, DriftEvent.RETRAIN),
            MetricNames.STREAM, Set.of(DriftEvent.ERROR, DriftEvent.LOSS, DriftEvent.INPUT),
            MetricNames.SPLIT, Arrays.stream(HoldoutSplit.Split.values()).map(HoldoutSplit.Split::code)
                    .collect(Collectors.toUnmodifiableSet()),
            MetricNames.OUTCOME, Arrays.stream(JobStatus.values()).map(s -> s.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet()));

    /**
     * Kafka client metrics, which Micrometer names kafka_&lt;group&gt;_&lt;metric&gt;: only ingest exposes them
     * (Kafka Streams with quarkus.micrometer.binder.kafka.enabled; its IngestServiceTest asserts this one).
     */
    static final Set<String> KAFKA_CLIENT_METRICS = Set.of("kafka_consumer_fetch_manager_records_lag_max");

    private MetricCatalog() {
    }

    private static Meter counter() {
        return new Meter(Kind.COUNTER, false);
    }

    private static Meter gauge() {
        return new Meter(Kind.GAUGE, false);
    }

    /**
     * The metric-name constants of {@link MetricNames}: those that start with {@code samuel.}. The other
     * constants are tag names ({@code model}, {@code window}, {@code judged}, ...) and tag values
     * ({@code examples}, {@code joined}, ...), which name no meter.
     */
    static List<String> micrometerNames() {
        return constants().stream().filter(name -> name.startsWith("samuel.")).toList();
    }

    /** The tag-name and tag-value constants of {@link MetricNames}: every constant that is not a metric name. */
    static List<String> tagConstants() {
        return constants().stream().filter(name -> !name.startsWith("samuel.")).toList();
    }

    /** Every series name a dashboard may query. */
    static Set<String> exposed() {
        var names = new TreeSet<>(KAFKA_CLIENT_METRICS);
        names.addAll(series().keySet());
        return names;
    }

    /** Samuel's series names, each with the meter that exposes it. */
    static Map<String, Meter> series() {
        var series = new HashMap<String, Meter>();
        for (var name : micrometerNames()) {
            var meter = METERS.get(name);
            if (meter == null) {
                throw new IllegalStateException("no meter kind for " + name + " in MetricCatalog.METERS");
            }
            prometheusNames(name, meter).forEach(prometheusName -> series.put(prometheusName, meter));
        }
        return series;
    }

    /**
     * The labels a series of Samuel's carries: its meter's tags, Prometheus' target labels, {@code le} on
     * buckets and {@code quantile} on the base series of a distribution that publishes percentiles. Null for a
     * series that is not Samuel's.
     */
    static Set<String> labels(String series) {
        var meter = series().get(series);
        if (meter == null) {
            return null;
        }
        var labels = new TreeSet<>(meter.tags());
        labels.addAll(TARGET_LABELS);
        if (series.endsWith("_bucket") && meter.histogram()) {
            labels.add("le");
        }
        if (meter.percentiles() && !series.matches(".*_(count|sum|max|bucket)")) {
            labels.add("quantile");
        }
        return labels;
    }

    /**
     * Micrometer's Prometheus names: dots become underscores; a counter's, gauge's or summary's base unit is
     * appended unless the name ends with it; counters end in _total; timers are in seconds; timers and summaries
     * are _count, _sum and _max, the base name (with a quantile label) when they publish percentiles, and _bucket
     * when they publish a histogram.
     */
    static List<String> prometheusNames(String micrometerName, Meter meter) {
        var base = micrometerName.replace('.', '_');
        if (meter.baseUnit() != null && meter.kind() != Kind.TIMER && !base.endsWith("_" + meter.baseUnit())) {
            base += "_" + meter.baseUnit();
        }
        return switch (meter.kind()) {
            case COUNTER -> List.of(base + "_total");
            case GAUGE -> List.of(base);
            case TIMER -> distribution(base + "_seconds", meter);
            case SUMMARY -> distribution(base, meter);
        };
    }

    private static List<String> distribution(String base, Meter meter) {
        var names = new ArrayList<>(List.of(base + "_count", base + "_sum", base + "_max"));
        if (meter.percentiles()) {
            names.add(base);
        }
        if (meter.histogram()) {
            names.add(base + "_bucket");
        }
        return names;
    }

    private static List<String> constants() {
        return Arrays.stream(MetricNames.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(MetricCatalog::value)
                .toList();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
