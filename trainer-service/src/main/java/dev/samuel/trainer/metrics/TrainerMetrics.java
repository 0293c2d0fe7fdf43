package dev.samuel.trainer.metrics;

import dev.samuel.contracts.event.RejectReason;
import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.metrics.MetricNames;
import dev.samuel.trainer.data.DatasetFollower;
import dev.samuel.trainer.data.ModelData;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The trainer's metrics, by model: train loss per step (gauge and histogram), speed, test loss and accuracy
 * per version, job outcomes, the size of the data held, the examples left out of it, the disk it takes, and which
 * models this trainer owns.
 */
public final class TrainerMetrics {

    private static final String[] DATA_GAUGES = {MetricNames.TRAIN_OWNED, MetricNames.TRAIN_DATASET_SIZE,
        MetricNames.TRAIN_STORE_BYTES, MetricNames.TRAIN_STORE_REFUSED};

    // Losses span decades, mostly below 1, where Micrometer's default buckets (from 1 up) would put every step in one.
    private static final double[] LOSS_BUCKETS = {0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10};

    /** The latest value of a gauge; Micrometer reads it when scraped. */
    private static final class Value {
        private volatile double value = Double.NaN;

        void set(double newValue) {
            value = newValue;
        }

        double get() {
            return value;
        }
    }

    private final MeterRegistry registry;
    private final DatasetFollower datasets;
    private final Map<String, Value> gauges = new ConcurrentHashMap<>();
    private final Map<String, DistributionSummary> losses = new ConcurrentHashMap<>();

    public TrainerMetrics(MeterRegistry registry, DatasetFollower datasets) {
        this.registry = registry;
        this.datasets = datasets;
    }

    public void step(String model, double loss, double examplesPerSecond) {
        gauge(MetricNames.TRAIN_LOSS, model, null).set(loss);
        gauge(MetricNames.TRAIN_SPEED, model, null).set(examplesPerSecond);
        losses.computeIfAbsent(model, m -> DistributionSummary.builder(MetricNames.TRAIN_LOSS_STEPS)
                .tag(MetricNames.MODEL, m).serviceLevelObjectives(LOSS_BUCKETS).register(registry)).record(loss);
    }

    /** Counts a finished job, and the test loss and accuracy of the version it registered. */
    public void finished(JobRecord job) {
        Counter.builder(MetricNames.TRAIN_JOBS).tag(MetricNames.MODEL, job.model())
                .tag(MetricNames.OUTCOME, job.status().name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
        if (job.version() != null) {
            var version = Integer.toString(job.version());
            if (job.testLoss() != null) {
                gauge(MetricNames.TEST_LOSS, job.model(), version).set(job.testLoss());
            }
            if (job.testAccuracy() != null) {
                gauge(MetricNames.TEST_ACCURACY, job.model(), version).set(job.testAccuracy());
            }
        }
    }

    /**
     * Shows, for a model of the registry, whether this trainer owns it and what it holds of its data (nothing on the
     * trainers that do not own it): from the moment the model is known, not from its first training step, since a
     * model whose examples the disk budget refused never gets one.
     */
    public void known(String model, Predicate<String> owns) {
        Gauge.builder(MetricNames.TRAIN_OWNED, () -> owns.test(model) ? 1 : 0).tag(MetricNames.MODEL, model)
                .register(registry);
        datasetGauges(model);
    }

    /** A model deleted from the registry: its ownership and data gauges go. */
    public void deleted(String model) {
        for (var name : DATA_GAUGES) {
            registry.find(name).tag(MetricNames.MODEL, model).meters().forEach(registry::remove);
        }
    }

    /** Counts an example of the train or test topics that the model's current spec does not accept. */
    public void dropped(String model, RejectReason reason) {
        Counter.builder(MetricNames.TRAIN_DATASET_DROPPED).tag(MetricNames.MODEL, model)
                .tag(MetricNames.REASON, reason.code()).register(registry).increment();
    }

    private void datasetGauges(String model) {
        for (var split : new String[] {"train", "test"}) {
            Gauge.builder(MetricNames.TRAIN_DATASET_SIZE, () -> datasets.data(model)
                            .map(data -> data.size("test".equals(split))).orElse(0))
                    .tag(MetricNames.MODEL, model).tag(MetricNames.SPLIT, split).register(registry);
        }
        Gauge.builder(MetricNames.TRAIN_STORE_BYTES, () -> datasets.data(model).map(ModelData::bytes).orElse(0L))
                .tag(MetricNames.MODEL, model).baseUnit("bytes").register(registry);
        Gauge.builder(MetricNames.TRAIN_STORE_REFUSED, () -> datasets.data(model).map(ModelData::refused).orElse(0L))
                .tag(MetricNames.MODEL, model).register(registry);
    }

    private Value gauge(String name, String model, String version) {
        return gauges.computeIfAbsent(name + '|' + model + '|' + version, key -> {
            var value = new Value();
            var builder = Gauge.builder(name, value, Value::get).tag(MetricNames.MODEL, model);
            if (version != null) {
                builder.tag(MetricNames.VERSION, version);
            }
            builder.register(registry);
            return value;
        });
    }
}
