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
    public static final String ALIAS = "alias";

    /** Counter: validated examples routed, by model and split. */
    public static final String INGEST_EXAMPLES = "samuel.ingest.examples";
    /** Counter: records dead-lettered by ingest, by model and reason. */
    public static final String INGEST_REJECTED = "samuel.ingest.rejected";

    /** Gauge: the train loss of the latest step, by model. */
    public static final String TRAIN_LOSS = "samuel.train.loss";
    /** Distribution summary (histogram): the train loss of every step, by model. */
    public static final String TRAIN_LOSS_STEPS = "samuel.train.loss.steps";
    /** Gauge: training examples per second of the running job, by model. */
    public static final String TRAIN_SPEED = "samuel.train.examples.per.second";
    /** Counter: finished jobs, by model and outcome (the job status). */
    public static final String TRAIN_JOBS = "samuel.train.jobs";
    /** Gauge: examples the trainer holds, by model and split. */
    public static final String TRAIN_DATASET_SIZE = "samuel.train.dataset.size";
    /**
     * Counter: examples of the train or test topics the trainer left out because the model's current spec does
     * not accept them (a spec changed its features since ingest validated them), by model and reason.
     */
    public static final String TRAIN_DATASET_DROPPED = "samuel.train.dataset.dropped";
    /**
     * Gauge: bytes the model's stored examples take on its trainer's disk (retired rows included), by model; their
     * sum over a trainer's models is bounded by its {@code samuel.trainer.store-budget}.
     */
    public static final String TRAIN_STORE_BYTES = "samuel.train.store.bytes";
    /** Gauge: examples of a model the disk budget refused to store; its jobs fail while any are. */
    public static final String TRAIN_STORE_REFUSED = "samuel.train.store.refused";
    /** Gauge: 1 on the trainer that owns the model (runs its jobs, holds its data), 0 on the others; by model. */
    public static final String TRAIN_OWNED = "samuel.train.owned";
    public static final String OUTCOME = "outcome";
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
    /** Distribution: events scored per ONNX Runtime run, by model. */
    public static final String INFERENCE_BATCH_SIZE = "samuel.inference.batch.size";
    /** Counter: champion versions refused while loading (download, checksum, shape, warm-up), by model and reason. */
    public static final String INFERENCE_LOAD_FAILURES = "samuel.inference.load.failures";

    /** Tag: the window of a realised figure, {@value #WINDOW_EXAMPLES} or {@value #WINDOW_TIME}. */
    public static final String WINDOW = "window";
    public static final String WINDOW_EXAMPLES = "examples";
    public static final String WINDOW_TIME = "time";
    /** Tag: how a labelled example was judged, {@value #JOINED} (its prediction waited) or {@value #PREQUENTIAL}. */
    public static final String JUDGED = "judged";
    public static final String JOINED = "joined";
    public static final String PREQUENTIAL = "prequential";

    /** Gauge: the served version's realised accuracy over the model's window, by model, version and window. */
    public static final String REALISED_ACCURACY = "samuel.performance.accuracy";
    /** Gauge: the served version's realised loss (the spec's), by model, version and window. */
    public static final String REALISED_LOSS = "samuel.performance.loss";
    /** Counter: labelled examples judged against a prediction, by model, version and how ({@value #JUDGED}). */
    public static final String JUDGED_EXAMPLES = "samuel.performance.judged";
    /** Timer (histogram): from an event to its label, by model. */
    public static final String LABEL_DELAY = "samuel.performance.label.delay";
    /** Gauge: predictions waiting for their label, by model. */
    public static final String WAITING_PREDICTIONS = "samuel.performance.waiting";
    /** Counter: predictions whose label did not come within {@code monitoring.labelDelay}, by model. */
    public static final String EXPIRED_PREDICTIONS = "samuel.performance.expired";
    /** Counter: labelled examples or predictions that could not be judged, by model and reason. */
    public static final String UNJUDGED = "samuel.performance.unjudged";
    /** Counter: drift detections and the jobs they requested, by model, version, detector, stream and kind. */
    public static final String DRIFT_EVENTS = "samuel.drift.events";
    public static final String DETECTOR = "detector";
    public static final String STREAM = "stream";
    public static final String KIND = "kind";
    /** Gauge: the largest PSI of the served version's input features over the latest window, by model and version. */
    public static final String INPUT_PSI_MAX = "samuel.input.psi.max";
    /**
     * Gauge: an input feature's PSI over the latest window, by model, version and {@value #FEATURE}; only for the five
     * features of the largest PSI, so a wide input shows five series, not one per feature.
     */
    public static final String INPUT_PSI = "samuel.input.psi";
    /** Tag: an input feature, its name in {@code input.names} or its index. */
    public static final String FEATURE = "feature";

    /** Gauge: versions registered, by model. */
    public static final String REGISTRY_VERSIONS = "samuel.registry.versions";
    /** Gauge: the latest version number, by model. */
    public static final String REGISTRY_LATEST_VERSION = "samuel.registry.latest.version";
    /** Gauge: the version an alias points at, by model and alias. */
    public static final String REGISTRY_ALIAS_VERSION = "samuel.registry.alias.version";
    /** Counter: alias moves (set, move, delete) read from the registry log, by model and alias. */
    public static final String REGISTRY_ALIAS_MOVES = "samuel.registry.alias.moves";
    /** Gauge: bytes of the model's registered artifacts, by model. */
    public static final String REGISTRY_ARTIFACT_BYTES = "samuel.registry.artifact.bytes";
    /** Counter: uploads refused by validation, by model and reason. */
    public static final String REGISTRY_VALIDATION_FAILURES = "samuel.registry.validation.failures";
    /** Counter: artifact reads whose bytes did not match their SHA-256 (or were missing), by model. */
    public static final String REGISTRY_CORRUPT_ARTIFACTS = "samuel.registry.artifact.corrupt";

    private MetricNames() {
    }
}
