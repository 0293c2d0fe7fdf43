package dev.samuel.contracts.metrics;

/**
 * Micrometer names of every Samuel metric, in one place so dashboards and services agree. Prometheus shows
 * them with underscores, and counters with {@code _total}: {@code samuel.ingest.examples} is scraped as
 * {@code samuel_ingest_examples_total}. Every metric carries the {@value #MODEL} tag.
 */
public final class MetricNames {

    public static final String MODEL = "model";
    public static final String SPLIT = "split";
    public static final String REASON = "reason";
    public static final String VERSION = "version";

    /** Counter: validated examples routed, by model and split. */
    public static final String INGEST_EXAMPLES = "samuel.ingest.examples";
    /** Counter: records dead-lettered by ingest, by model and reason. */
    public static final String INGEST_REJECTED = "samuel.ingest.rejected";

    /** Gauge: the train loss of the latest step, by model. */
    public static final String TRAIN_LOSS = "samuel.train.loss";
    /** Gauge: test loss of the latest evaluated version, by model and version. */
    public static final String TEST_LOSS = "samuel.test.loss";
    /** Gauge: test accuracy of the latest evaluated version, by model and version. */
    public static final String TEST_ACCURACY = "samuel.test.accuracy";

    /** Timer: time to score one batch of events, by model. */
    public static final String INFERENCE_LATENCY = "samuel.inference.latency";
    /** Counter: predictions made, by model and version. */
    public static final String PREDICTIONS = "samuel.inference.predictions";
    /** Counter: records dead-lettered by inference, by model and reason. */
    public static final String INFERENCE_REJECTED = "samuel.inference.rejected";
    /** Gauge: the version being served, by model. */
    public static final String SERVED_VERSION = "samuel.inference.served.version";
    /** Timer: how long a hot swap took, by model. */
    public static final String SWAPS = "samuel.inference.swaps";

    private MetricNames() {
    }
}
