package dev.samuel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.metrics.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The catalog names the series Micrometer's Prometheus registry (the one the services use) writes for each
 * meter as the catalog describes it, with the labels it writes; every constant of {@link MetricNames} is a meter
 * or a tag.
 */
class MetricCatalogTest {

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})?\\s.*");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");

    @Test
    void everyMetricNameHasAKnownMeterType() {
        assertThat(MetricCatalog.micrometerNames()).hasSize(MetricCatalog.METERS.size())
                .containsExactlyInAnyOrderElementsOf(MetricCatalog.METERS.keySet());
    }

    @Test
    void tagNamesAndTagValuesAreNoMeters() {
        assertThat(MetricCatalog.tagConstants()).contains(MetricNames.MODEL, MetricNames.SPLIT, MetricNames.REASON,
                        MetricNames.VERSION, MetricNames.ALIAS, MetricNames.OUTCOME, MetricNames.WINDOW,
                        MetricNames.WINDOW_EXAMPLES, MetricNames.WINDOW_TIME, MetricNames.JUDGED, MetricNames.JOINED,
                        MetricNames.PREQUENTIAL, MetricNames.DETECTOR, MetricNames.STREAM, MetricNames.KIND)
                .doesNotContainAnyElementsOf(MetricCatalog.METERS.keySet());
        assertThat(MetricCatalog.micrometerNames()).doesNotContainAnyElementsOf(MetricCatalog.tagConstants());
        var tags = new TreeSet<String>();
        MetricCatalog.METERS.values().forEach(meter -> tags.addAll(meter.tags()));
        assertThat(MetricCatalog.tagConstants()).as("every tag a meter has is a MetricNames constant")
                .containsAll(tags).containsAll(MetricCatalog.TAG_VALUES.keySet());
        assertThat(MetricCatalog.TAG_VALUES.get(MetricNames.WINDOW))
                .containsExactlyInAnyOrder(MetricNames.WINDOW_EXAMPLES, MetricNames.WINDOW_TIME);
        assertThat(MetricCatalog.TAG_VALUES.get(MetricNames.JUDGED))
                .containsExactlyInAnyOrder(MetricNames.JOINED, MetricNames.PREQUENTIAL);
    }

    @Test
    void theJudgesMetricsAreNamedAsPrometheusShowsThem() {
        assertThat(MetricCatalog.exposed()).contains("samuel_performance_accuracy", "samuel_performance_loss",
                        "samuel_performance_judged_total", "samuel_performance_waiting",
                        "samuel_performance_expired_total", "samuel_performance_unjudged_total",
                        "samuel_drift_events_total", "samuel_performance_label_delay_seconds",
                        "samuel_performance_label_delay_seconds_bucket", "samuel_performance_label_delay_seconds_count",
                        "samuel_performance_label_delay_seconds_sum", "samuel_performance_label_delay_seconds_max")
                .doesNotContain("samuel_performance_label_delay_bucket", "samuel_drift_events",
                        "samuel_performance_accuracy_total", "samuel_registry_artifact_bytes_bytes");
        assertThat(MetricCatalog.labels("samuel_drift_events_total"))
                .containsExactlyInAnyOrder("model", "version", "detector", "stream", "kind", "job", "instance");
        assertThat(MetricCatalog.labels("samuel_performance_label_delay_seconds_bucket")).contains("le")
                .doesNotContain("quantile");
        assertThat(MetricCatalog.labels("samuel_performance_label_delay_seconds")).contains("quantile");
        // A histogram without percentiles has no base series: nothing to carry a quantile.
        assertThat(MetricCatalog.exposed()).contains("samuel_train_loss_steps_bucket")
                .doesNotContain("samuel_train_loss_steps");
    }

    /** Each catalogued meter, built as the catalog says, scraped: the same series names and labels. */
    @Test
    void derivesWhatMicrometersPrometheusRegistryWrites() {
        for (var entry : MetricCatalog.METERS.entrySet()) {
            var name = entry.getKey();
            var meter = entry.getValue();
            var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            register(registry, name, meter);
            var scraped = scrape(registry.scrape());
            assertThat(scraped.keySet()).as(name).containsExactlyInAnyOrderElementsOf(
                    MetricCatalog.prometheusNames(name, meter));
            scraped.forEach((series, labels) -> {
                labels.addAll(MetricCatalog.TARGET_LABELS);
                assertThat(labels).as(series).isEqualTo(MetricCatalog.labels(series));
            });
        }
    }

    private static void register(PrometheusMeterRegistry registry, String name, MetricCatalog.Meter meter) {
        var tags = Tags.empty();
        for (var tag : meter.tags()) {
            tags = tags.and(tag, "x");
        }
        switch (meter.kind()) {
            case COUNTER -> Counter.builder(name).baseUnit(meter.baseUnit()).tags(tags).register(registry).increment();
            case GAUGE -> Gauge.builder(name, () -> 1).baseUnit(meter.baseUnit()).tags(tags).register(registry);
            case TIMER -> {
                var timer = Timer.builder(name).tags(tags).publishPercentileHistogram(meter.histogram());
                if (meter.percentiles()) {
                    timer.publishPercentiles(0.5, 0.99);
                }
                timer.register(registry).record(Duration.ofMillis(3));
            }
            case SUMMARY -> {
                var summary = DistributionSummary.builder(name).baseUnit(meter.baseUnit()).tags(tags)
                        .publishPercentileHistogram(meter.histogram());
                if (meter.percentiles()) {
                    summary.publishPercentiles(0.5, 0.99);
                }
                summary.register(registry).record(3);
            }
        }
    }

    /** Series name to the label names it is written with. */
    private static Map<String, Set<String>> scrape(String exposition) {
        var series = new TreeMap<String, Set<String>>();
        for (var line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            var sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as(line).isTrue();
            var labels = series.computeIfAbsent(sample.group(1), s -> new TreeSet<>());
            if (sample.group(3) != null) {
                LABEL.matcher(sample.group(3)).results().forEach(label -> labels.add(label.group(1)));
            }
        }
        return series;
    }
}
