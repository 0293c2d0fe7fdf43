package dev.samuel.cli.demo;

import dev.samuel.cli.CliException;
import dev.samuel.cli.UserTopics;
import dev.samuel.cli.io.EventProducer;
import dev.samuel.contracts.event.Encoding;
import dev.samuel.contracts.event.Label;
import dev.samuel.contracts.event.LabelledExample;
import dev.samuel.contracts.event.Prediction;
import dev.samuel.contracts.event.UnlabelledEvent;
import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.job.JobStatus;
import dev.samuel.contracts.monitoring.DriftEvent;
import dev.samuel.contracts.monitoring.PerformanceRecord;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.plumbing.registry.RegistryClient;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The demo's story: a model learns a concept from the stream, the concept drifts and the served model's accuracy
 * collapses, the platform finds the drift in the served model's judged errors, retrains on the data after the
 * change, promotes the new version, inference hot-swaps it, and accuracy recovers. Nothing here trains, judges or
 * serves: the platform does, and the demo only streams and watches, through Kafka, as a user would.
 *
 * <p>It streams unlabelled events {@code e-0, e-1, ...} and, {@value #LABEL_LAG} events later (a second), the
 * labelled example of each: same key, same features, the truth. The judge joins each label to the prediction made
 * for its event; the summary's figures are read back from the platform's topics.
 */
public final class DemoRun {

    public static final String BEFORE = "before the drift";
    public static final String AFTER = "after the drift";

    static final int EVENTS_PER_SECOND = 200;
    /** Each event's label is sent this many events after it: one second behind. */
    static final int LABEL_LAG = 200;
    /** The first job's training examples: 2.5 s of labels, of which ingest keeps 80 % for training. */
    static final long FIRST_JOB_EXAMPLES = 400;
    /**
     * Events sent before the stream waits for version 1: their 600 labels hold the first job's 400 training examples
     * with room to spare. Without the wait, inference would score every event sent meanwhile at once when version 1
     * arrives, and the judge, catching up on that burst, would write its results far out of label order.
     */
    static final long EVENTS_BEFORE_VERSION_1 = 800;
    /** Judged examples after the change point before the drift job is asked for: 2 s of labels. */
    static final long DRIFT_MIN_EXAMPLES = 400;
    private static final int JUDGED_TO_MEASURE = 300;
    private static final Duration STAGE_TIMEOUT = Duration.ofMinutes(4);

    private final Map<String, Object> kafka;
    private final RegistryClient registry;
    private final String model;
    private final ModelTopics topics;
    private final PrintStream out;
    private final Concept concept = new Concept(2026);
    private final Accuracy realised = new Accuracy();
    private final Accuracy truth = new Accuracy();
    private final Map<String, Expected> expected = new ConcurrentHashMap<>();
    private final Map<String, JobStatus> reported = new ConcurrentHashMap<>();
    private final Set<Integer> announced = ConcurrentHashMap.newKeySet();
    private final Set<String> firstDetections = ConcurrentHashMap.newKeySet();
    private final Instant startedAt = Instant.now();
    private final long started = System.nanoTime();
    private final DriftStory story = new DriftStory(startedAt);
    private volatile String stage = BEFORE;

    /** The truth about an event, and the stage it was sent in. */
    private record Expected(int label, String stage) {
    }

    public DemoRun(Map<String, Object> kafka, RegistryClient registry, String model, PrintStream out) {
        this.kafka = kafka;
        this.registry = registry;
        this.model = model;
        this.topics = Topics.of(model);
        this.out = out;
    }

    /**
     * The spec the demo registers: a small classifier whose first job starts once 400 training examples arrived,
     * whose served version's errors ADWIN watches, and which is retrained on the data after a drift's change point
     * once 400 judged examples followed it.
     */
    static String spec(String model) {
        return """
                {"name": "%s", "task": {"type": "classification", "classes": 3}, "input": {"features": 4},
                 "layers": [{"dense": 16, "activation": "relu"}, {"dense": 3}],
                 "optimizer": {"adam": {"lr": 0.01}}, "init": {"random": {"seed": 7}},
                 "training": {"batchSize": 32, "epochs": 20, "holdout": 0.2, "minExamples": %d},
                 "promotion": {"minImprovement": 0.0},
                 "monitoring": {"labelDelay": "PT1M", "drift": {"detector": "adwin", "delta": 0.002},
                                "driftMinExamples": %d, "retrainOnDrift": true}}
                """.formatted(model, FIRST_JOB_EXAMPLES, DRIFT_MIN_EXAMPLES);
    }

    public DemoReport run(boolean follow) throws InterruptedException {
        var spec = spec(model);
        registry.put(model, spec);
        UserTopics.create(kafka, ModelSpecs.parse(spec));
        say("Model %s registered: 4 sensor readings -> 3 classes. Its first job starts at %,d training examples "
                + "(training.minExamples); ADWIN watches the served version's errors (monitoring.drift).", model,
                FIRST_JOB_EXAMPLES);
        try (var producer = new EventProducer(kafka, topics, Encoding.JSON);
             var watch = new PlatformWatch(kafka, topics, new Listener())) {
            watch.start();
            var stream = new EventStream(producer);
            stream.start();
            try {
                say("Streaming events e-0, e-1, ... of concept A to %s at %d/s; each one's label follows %d events "
                        + "(%.0f s) later on %s.", topics.unlabelled().name(), EVENTS_PER_SECOND, LABEL_LAG,
                        (double) LABEL_LAG / EVENTS_PER_SECOND, topics.labelled().name());
                await(watch, stream, "version 1 to serve", () -> watch.servedVersion() >= 1);
                stream.resume();
                await(watch, stream, "version 1 to be judged on " + JUDGED_TO_MEASURE + " of its predictions",
                        () -> served(watch, BEFORE) >= 1);
                int before = watch.servedVersion();
                concept.drift();
                stage = AFTER;
                say("The concept drifts: from the next event on every class is the next one. Version %d is now "
                        + "wrong; the platform sees it when the labels come.", before);
                await(watch, stream, "a retrained version to serve and be judged on "
                        + JUDGED_TO_MEASURE + " of its predictions", () -> served(watch, AFTER) > before);
                var report = report(watch);
                if (follow) {
                    report.print(out);
                    say("Following; Ctrl-C to stop (the stack keeps running).");
                    await(watch, stream, "Ctrl-C", () -> false);
                }
                return report;
            } finally {
                stream.stop();
                producer.flush();
            }
        }
    }

    /**
     * The version serving now once its predictions for events of this stage have been joined to their labels and
     * judged often enough, and its job's record is read; 0 until then. (While inference scores the events sent
     * before it served, their labels come first: the champion judges those alone, prequentially.)
     */
    private int served(PlatformWatch watch, String stage) {
        int version = watch.servedVersion();
        boolean jobRead = watch.finishedJobs().stream().anyMatch(job -> job.version() != null
                && job.version() == version);
        return version > 0 && jobRead && realised.joined(stage, version) >= JUDGED_TO_MEASURE ? version : 0;
    }

    private DemoReport report(PlatformWatch watch) {
        var servedFrom = new TreeMap<Integer, Duration>();
        watch.servedFrom().forEach((version, at) -> servedFrom.put(version, Duration.between(startedAt, at)));
        return new DemoReport(model, startedAt, Duration.ofNanos(System.nanoTime() - started), realised.tallies(),
                truth.tallies(), watch.finishedJobs(), story.drift().orElse(null), story.detection().orElse(null),
                story.events(), servedFrom);
    }

    private void await(PlatformWatch watch, EventStream stream, String what, BooleanSupplier done)
            throws InterruptedException {
        long deadline = System.nanoTime() + STAGE_TIMEOUT.toNanos();
        long nextStatus = 0;
        while (!done.getAsBoolean()) {
            watch.checkHealthy();
            stream.checkHealthy();
            if (System.nanoTime() > deadline) {
                throw new CliException("waited " + STAGE_TIMEOUT.toMinutes() + " minutes for " + what
                        + "; the services' logs are in .samuel/logs");
            }
            if (System.nanoTime() > nextStatus) {
                nextStatus = System.nanoTime() + 2_000_000_000L;
                status(watch, stream);
            }
            Thread.sleep(100);
        }
        status(watch, stream);
    }

    private void status(PlatformWatch watch, EventStream stream) {
        var job = watch.latestJob().filter(j -> j.status() == JobStatus.RUNNING && j.progress() != null)
                .map(j -> String.format("job training: epoch %d/%d, train loss %.4f | ", j.progress().epoch(),
                        j.progress().epochs(), j.progress().trainLoss()))
                .orElse("");
        say("%-16s events %,6d, labels %,6d | %sserving %s | accuracy of the last 200 judged %s, of the last 200 "
                        + "predictions %s", stage, stream.events, stream.labels, job,
                watch.servedVersion() == 0 ? "nothing yet" : "v" + watch.servedVersion(),
                percent(realised.recent()), percent(truth.recent()));
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format("%.1f %%", 100 * fraction);
    }

    /** The index n of the demo's event {@code e-n}; -1 for another id. */
    private static long eventIndex(String id) {
        if (id == null || !id.startsWith("e-")) {
            return -1;
        }
        try {
            return Long.parseLong(id.substring(2));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void say(String format, Object... args) {
        out.printf("[%4ds] %s%n", (System.nanoTime() - started) / 1_000_000_000L, String.format(format, args));
    }

    /** What the platform's topics say, on the watch's thread. */
    private final class Listener implements PlatformWatch.Listener {

        @Override
        public void prediction(String id, Prediction prediction) {
            if (announced.add(prediction.version())) {
                say("Inference serves version %d (its first prediction read: %s).", prediction.version(), id);
            }
            var truthAbout = expected.remove(id);
            if (truthAbout != null && prediction.prediction() instanceof Label.Number number) {
                truth.record(truthAbout.stage(), prediction.version(), (int) number.value() == truthAbout.label(),
                        false);
            }
        }

        @Override
        public void judged(PerformanceRecord result) {
            long index = eventIndex(result.id());
            if (index < 0) {
                return;
            }
            boolean after = story.afterDrift(index);
            story.judged(result, after);
            if (result.correct() != null) {
                realised.record(after ? AFTER : BEFORE, result.version(), result.correct(), result.prequential());
            }
        }

        @Override
        public void job(JobRecord job) {
            var previous = reported.put(job.id(), job.status());
            if (previous == job.status()) {
                return;
            }
            switch (job.status()) {
                case RUNNING -> say("Job %s started (%s%s).", DemoReport.shortId(job.id()), job.trigger(),
                        job.dataFrom() != null ? ", on the data from the change point" : "");
                case SUCCEEDED, FAILED -> say(DemoReport.describe(job));
                default -> {
                }
            }
        }

        @Override
        public void drift(DriftEvent event) {
            story.detected(event);
            var drift = story.drift();
            if (DriftEvent.RETRAIN.equals(event.kind())) {
                say("samuel.drift: job %s requested (trigger drift), %,d judged examples after the change point.",
                        DemoReport.shortId(event.jobId()), event.changeAgo());
                return;
            }
            if (!firstDetections.add(event.version() + " " + event.detector() + " " + event.stream() + " "
                    + event.kind())) {
                return; // a detector signals again while its window sheds the old concept: the summary counts them
            }
            String when = drift.filter(d -> !event.detectedAt().isBefore(d.at()))
                    .map(d -> String.format("%.1f s after the concept changed",
                            Duration.between(d.at(), event.detectedAt()).toMillis() / 1000.0))
                    .orElse("before the concept changed: a false alarm");
            say("samuel.drift: %s found a %s in version %d's %s after %,d judged examples (%s); it puts the change "
                    + "%,d examples back.", event.detector(), event.kind(), event.version(), event.stream(),
                    event.examples(), when, event.changeAgo());
        }
    }

    /**
     * Unlabelled events at a steady rate on their own thread, each one's labelled example {@value #LABEL_LAG}
     * events later, remembering the truth of each event for its prediction.
     */
    private final class EventStream {
        private final EventProducer producer;
        private final Thread thread = new Thread(this::run, "samuel-demo-events");
        private final ArrayDeque<Labelled> waiting = new ArrayDeque<>();
        private volatile boolean running = true;
        private volatile long pauseAt = EVENTS_BEFORE_VERSION_1;
        private volatile long events;
        private volatile long labels;
        private volatile RuntimeException failure;

        /** An event sent whose label is still to come. */
        private record Labelled(String id, Concept.Sample sample) {
        }

        EventStream(EventProducer producer) {
            this.producer = producer;
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void checkHealthy() {
            if (failure != null) {
                throw new IllegalStateException("streaming failed: " + failure.getMessage(), failure);
            }
        }

        /** Streams on after the wait for version 1. */
        void resume() {
            pauseAt = Long.MAX_VALUE;
        }

        /** Stops streaming; the labels still to come are sent, so every event sent has its label. */
        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        private void run() {
            try {
                var pace = new Pace(EVENTS_PER_SECOND);
                for (long n = 0; running; n++) {
                    if (n >= pauseAt) {
                        producer.flush();
                        say("%,d events and %,d labels sent: the stream waits for version 1 to serve.", events, labels);
                        while (n >= pauseAt && running) {
                            Thread.sleep(50);
                        }
                        say("Streaming on.");
                        pace = new Pace(EVENTS_PER_SECOND);
                        if (!running) {
                            break;
                        }
                    }
                    var sample = concept.next();
                    if (sample.drifted()) {
                        story.conceptChanged(n, Instant.now());
                    }
                    var id = "e-" + n;
                    expected.put(id, new Expected(sample.label(), sample.drifted() ? AFTER : BEFORE));
                    producer.send(id, new UnlabelledEvent(sample.features()));
                    events = n + 1;
                    waiting.addLast(new Labelled(id, sample));
                    if (waiting.size() > LABEL_LAG) {
                        label(waiting.removeFirst());
                    }
                    if (n % EVENTS_PER_SECOND == EVENTS_PER_SECOND - 1) {
                        producer.flush();
                    }
                    pace.await();
                }
                while (!waiting.isEmpty()) {
                    label(waiting.removeFirst());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        private void label(Labelled event) {
            var sample = event.sample();
            producer.send(event.id(), new LabelledExample(sample.features(), Label.of(sample.label()), null));
            labels++;
        }
    }
}
