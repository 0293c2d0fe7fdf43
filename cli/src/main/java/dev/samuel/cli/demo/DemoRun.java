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
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.plumbing.registry.RegistryClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The demo's story: a model learns a concept from the stream, the concept drifts and the served model's accuracy
 * collapses, the retrain policy trains on the new data, the gate promotes the new version, inference hot-swaps
 * it, and accuracy recovers. Nothing here trains or serves: the platform does, and the demo only streams and
 * watches, through Kafka, as a user would.
 */
public final class DemoRun {

    public static final String BEFORE = "before the drift";
    public static final String AFTER = "after the drift";

    private static final int LABELLED_PER_STAGE = 1250;
    private static final int LABELLED_PER_SECOND = 500;
    private static final int EVENTS_PER_SECOND = 200;
    private static final int PREDICTIONS_TO_MEASURE = 300;
    private static final Duration STAGE_TIMEOUT = Duration.ofMinutes(4);

    private final Map<String, Object> kafka;
    private final RegistryClient registry;
    private final String model;
    private final PrintStream out;
    private final Concept concept = new Concept(2026);
    private final Accuracy accuracy = new Accuracy();
    private final Map<String, Expected> truth = new ConcurrentHashMap<>();
    private final Map<String, JobStatus> reported = new ConcurrentHashMap<>();
    private final long started = System.nanoTime();
    private volatile String stage = BEFORE;
    private long labelled;

    /** The truth about an event, and the stage it was sent in. */
    private record Expected(int label, String stage) {
    }

    public DemoRun(Map<String, Object> kafka, RegistryClient registry, String model, PrintStream out) {
        this.kafka = kafka;
        this.registry = registry;
        this.model = model;
        this.out = out;
    }

    /** The spec the demo registers: a small classifier retrained every 1,000 examples on the newest 1,250. */
    static String spec(String model) {
        return """
                {"name": "%s", "task": {"type": "classification", "classes": 3}, "input": {"features": 4},
                 "layers": [{"dense": 16, "activation": "relu"}, {"dense": 3}],
                 "optimizer": {"adam": {"lr": 0.01}}, "init": {"random": {"seed": 7}},
                 "training": {"batchSize": 32, "epochs": 20, "holdout": 0.2, "retrainEvery": 1000, "window": 1250},
                 "promotion": {"minImprovement": 0.0}}
                """.formatted(model);
    }

    public DemoReport run(boolean follow) throws InterruptedException {
        var spec = spec(model);
        registry.put(model, spec);
        UserTopics.create(kafka, ModelSpecs.parse(spec));
        say("Model %s registered: 4 sensor readings -> 3 classes.", model);
        var topics = Topics.of(model);
        try (var producer = new EventProducer(kafka, topics, Encoding.JSON);
             var watch = new PlatformWatch(kafka, topics, this::score, this::report)) {
            watch.start();
            var events = new EventStream(producer);
            events.start();
            try {
                say("Streaming %,d labelled examples of concept A; every 1,000 new ones trigger a job.",
                        LABELLED_PER_STAGE);
                streamLabelled(producer);
                await(watch, "version 1 to serve", () -> watch.servedVersion() >= 1
                        && accuracy.predictions(BEFORE, watch.servedVersion()) >= PREDICTIONS_TO_MEASURE);
                int before = watch.servedVersion();
                concept.drift();
                stage = AFTER;
                say("The concept drifts: from now on every class is the next one. Version %d is now wrong.", before);
                streamLabelled(producer);
                await(watch, "a retrained version to serve", () -> watch.servedVersion() > before
                        && accuracy.predictions(AFTER, watch.servedVersion()) >= PREDICTIONS_TO_MEASURE);
                var report = new DemoReport(model, Duration.ofNanos(System.nanoTime() - started), accuracy.tallies(),
                        watch.finishedJobs());
                if (follow) {
                    report.print(out);
                    say("Following; Ctrl-C to stop (the stack keeps running).");
                    await(watch, "Ctrl-C", () -> false);
                }
                return report;
            } finally {
                events.stop();
                producer.flush();
            }
        }
    }

    private void streamLabelled(EventProducer producer) throws InterruptedException {
        var pace = new Pace(LABELLED_PER_SECOND);
        for (int i = 0; i < LABELLED_PER_STAGE; i++) {
            var sample = concept.next();
            producer.send("x-" + labelled++, new LabelledExample(sample.features(), Label.of(sample.label()), null));
            pace.await();
        }
        producer.flush();
    }

    private void await(PlatformWatch watch, String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + STAGE_TIMEOUT.toNanos();
        long nextStatus = 0;
        while (!done.getAsBoolean()) {
            watch.checkHealthy();
            if (System.nanoTime() > deadline) {
                throw new CliException("waited " + STAGE_TIMEOUT.toMinutes() + " minutes for " + what
                        + "; the services' logs are in .samuel/logs");
            }
            if (System.nanoTime() > nextStatus) {
                nextStatus = System.nanoTime() + 2_000_000_000L;
                status(watch);
            }
            Thread.sleep(100);
        }
        status(watch);
    }

    private void status(PlatformWatch watch) {
        var job = watch.latestJob().filter(j -> j.status() == JobStatus.RUNNING && j.progress() != null)
                .map(j -> String.format("job training: epoch %d/%d, train loss %.4f | ", j.progress().epoch(),
                        j.progress().epochs(), j.progress().trainLoss()))
                .orElse("");
        double recent = accuracy.recent();
        say("%-16s labelled %,6d | %sserving %s | accuracy of the last 200 predictions %s", stage, labelled, job,
                watch.servedVersion() == 0 ? "nothing yet" : "v" + watch.servedVersion(),
                Double.isNaN(recent) ? "-" : String.format("%.1f %%", 100 * recent));
    }

    private void score(String id, Prediction prediction) {
        var expected = truth.remove(id);
        if (expected != null && prediction.prediction() instanceof Label.Number number) {
            accuracy.record(expected.stage(), prediction.version(), (int) number.value() == expected.label());
        }
    }

    private void report(JobRecord job) {
        var previous = reported.put(job.id(), job.status());
        if (previous == job.status()) {
            return;
        }
        switch (job.status()) {
            case RUNNING -> say("Job %s started (%s)", job.id().substring(0, 8), job.trigger());
            case SUCCEEDED, FAILED -> say(DemoReport.describe(job));
            default -> {
            }
        }
    }

    private void say(String format, Object... args) {
        out.printf("[%4ds] %s%n", (System.nanoTime() - started) / 1_000_000_000L, String.format(format, args));
    }

    /** Unlabelled events at a steady rate, on their own thread, remembering the truth of each. */
    private final class EventStream {
        private final EventProducer producer;
        private final Thread thread = new Thread(this::run, "samuel-demo-events");
        private volatile boolean running = true;

        EventStream(EventProducer producer) {
            this.producer = producer;
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        private void run() {
            var pace = new Pace(EVENTS_PER_SECOND);
            for (long n = 0; running; n++) {
                var sample = concept.next();
                var id = "e-" + n;
                truth.put(id, new Expected(sample.label(), sample.drifted() ? AFTER : BEFORE));
                producer.send(id, new UnlabelledEvent(sample.features()));
                try {
                    pace.await();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
