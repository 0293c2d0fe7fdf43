package dev.samuel.bench.drift;

import dev.samuel.cli.UserTopics;
import dev.samuel.cli.io.EventProducer;
import dev.samuel.cli.stack.LocalStack;
import dev.samuel.cli.stack.QuarkusService;
import dev.samuel.cli.stack.StackLayout;
import dev.samuel.cli.stack.StackPorts;
import dev.samuel.contracts.event.Encoding;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.plumbing.http.Backoff;
import dev.samuel.plumbing.registry.RegistryClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/**
 * bench/run drift, the platform half: the local stack (broker and the four packaged services), one model whose first
 * version comes from its first job, then a seeded stream of events at 2,000/s labelled 500 records behind, through
 * three abrupt changes of concept and one gradual one (over 2,000 examples). After each change the benchmark waits
 * until the platform has detected it, retrained from the change point, promoted and swapped, and the new version's
 * last 1,000 judged examples are back within 5 points of the accuracy before the change; each change waits until the
 * judge has caught up with the labels (within a second). Every figure is read from
 * the platform's own outputs ({@code M.performance}, {@code samuel.drift}). Writes the error streams it measured to a
 * file for the reference run beside MOA. Arguments: repository root, output file, seed.
 */
public final class DriftBenchmark {

    static final int RATE = 2000;
    static final int LABEL_LAG = 500;
    static final int WINDOW = 1000;
    static final double POINTS = 0.05;
    static final int RAMP = 2000;
    static final Duration STAGE = Duration.ofMinutes(4);
    static final String MODEL = "drift-bench";
    /** Events before the stream pauses for the first job: their labels (500 fewer) hold about 2,000 to train on. */
    static final int FIRST_EVENTS = 3000;

    private DriftBenchmark() {
    }

    static String spec() {
        return """
                {"name": "%s", "task": {"type": "classification", "classes": 3}, "input": {"features": 4},
                 "layers": [{"dense": 16, "activation": "relu"}, {"dense": 3}],
                 "optimizer": {"adam": {"lr": 0.01}}, "init": {"random": {"seed": 7}},
                 "training": {"batchSize": 32, "epochs": 20, "holdout": 0.2, "minExamples": 1600},
                 "monitoring": {"labelDelay": "PT10M"}}
                """.formatted(MODEL);
    }

    public static void main(String[] args) throws Exception {
        var root = Path.of(args[0]).toAbsolutePath();
        var streamsFile = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        var run = Files.createTempDirectory("samuel-bench-drift-");
        var stack = new LocalStack(new StackLayout(root, run), System.out);
        try {
            var state = stack.up(StackPorts.free());
            Map<String, Object> kafka = Map.of("bootstrap.servers", state.ports().bootstrap());
            var registry = new RegistryClient(URI.create(state.ports().url(QuarkusService.REGISTRY)), stack.token(),
                    Backoff.NONE, Duration.ofSeconds(30));
            registry.put(MODEL, spec());
            UserTopics.create(kafka, ModelSpecs.parse(spec()));
            measure(kafka, registry, seed, streamsFile);
        } finally {
            stack.down();
            stack.purge();
        }
    }

    private static void measure(Map<String, Object> kafka, RegistryClient registry, long seed, Path streamsFile)
            throws Exception {
        var topics = Topics.of(MODEL);
        var concept = new ShiftingConcept(seed);
        var changes = new ArrayList<DriftFigures.Change>();
        try (var log = new PerformanceLog(kafka, topics.performance().name())) {
            try (var stream = new LabelledStream(new EventProducer(kafka, topics, Encoding.JSON), concept, RATE,
                    LABEL_LAG)) {
                firstVersion(log, stream, registry);
                run(log, stream, concept, changes);
            }
            // The last judged examples of the labels in flight.
            Thread.sleep(2000);
            report(log, changes, changes.get(0).level(), streamsFile);
        }
    }

    /**
     * Enough labelled examples for the first job, then nothing until its version is champion: events sent before a
     * version serves are all scored at once when it does, a backlog that measures nothing.
     */
    private static void firstVersion(PerformanceLog log, LabelledStream stream, RegistryClient registry)
            throws InterruptedException {
        stream.pauseAt(FIRST_EVENTS);
        await(log, stream, "a first version", () -> registry.model(MODEL).map(model -> model.path("aliases")
                .has("champion")).orElse(false));
        stream.resume();
    }

    private static void run(PerformanceLog log, LabelledStream stream, ShiftingConcept concept,
                            List<DriftFigures.Change> changes) throws Exception {
        await(log, stream, "a first version judged on " + 2 * WINDOW + " examples",
                () -> log.judged(1) >= 2 * WINDOW);
        say("version 1 serves at %.3f realised accuracy over its last %d judged examples",
                log.recentAccuracy(1, WINDOW), WINDOW);
        for (int i = 1; i <= 4; i++) {
            boolean gradual = i == 4;
            // Steady state first: the judge within a second of the labels sent (it lags after a start or a swap).
            await(log, stream, "the judge to keep up", () -> stream.sent() - LABEL_LAG - log.latestEvent() < RATE);
            int before = log.newestVersion();
            double pre = log.recentAccuracy(before, WINDOW);
            var at = stream.change(gradual ? () -> concept.changeGradually(RAMP) : concept::changeAbruptly);
            long counted = at.firstEvent() + (gradual ? RAMP / 2 : 0);
            changes.add(new DriftFigures.Change(gradual ? "gradual" : "abrupt", before, at.firstEvent(), counted,
                    at.epochMillis(), pre));
            say("change %d (%s) at event %,d, version %d serving at %.3f", i, gradual ? "gradual" : "abrupt",
                    at.firstEvent(), before, pre);
            await(log, stream, "recovery from change " + i, () -> log.newestVersion() > before
                    && log.recentAccuracy(log.newestVersion(), WINDOW) >= pre - POINTS);
            say("version %d serves at %.3f", log.newestVersion(), log.recentAccuracy(log.newestVersion(), WINDOW));
        }
    }

    /** The platform's figures: the last line of this half, its RESULT keys merged with the reference half's. */
    private static void report(PerformanceLog log, List<DriftFigures.Change> changes, double level, Path file)
            throws Exception {
        var figures = new DriftFigures(log.results(), log.drifts());
        var seen = changes.stream().map(figures::seen).toList();
        DriftFigures.write(file, seen);
        for (var s : seen) {
            say("%s change at event %,d: version %d's stream of %,d results, change at result %,d, counted from %,d;"
                    + " platform alarm %s", s.change().kind(), s.change().firstEvent(), s.change().version(),
                    s.errors().length, s.start(), s.counted(), s.delay().isPresent() ? "after " + s.delay().getAsLong()
                            + " judged examples" : "none");
        }
        long[] abrupt = seen.stream().filter(s -> s.change().kind().equals("abrupt")).map(DriftFigures.Seen::delay)
                .mapToLong(d -> d.orElse(Long.MAX_VALUE)).sorted().toArray();
        OptionalLong gradual = seen.get(seen.size() - 1).delay();
        double recovery = figures.recoverySeconds(changes.get(0), level, WINDOW, POINTS);
        System.out.printf("RESULT detection_delay_examples=%s gradual_detection_delay_examples=%s "
                        + "recovery_seconds=%.1f%n", abrupt[abrupt.length / 2] == Long.MAX_VALUE ? "none"
                        : Long.toString(abrupt[abrupt.length / 2]), gradual.isPresent()
                        ? Long.toString(gradual.getAsLong()) : "none", recovery);
        say("abrupt delays %s", Arrays.toString(abrupt));
    }

    private static void await(PerformanceLog log, LabelledStream stream, String what, BooleanSupplier done)
            throws InterruptedException {
        long deadline = System.nanoTime() + STAGE.toNanos();
        long next = 0;
        while (!done.getAsBoolean()) {
            log.checkHealthy();
            stream.checkHealthy();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited " + STAGE.toMinutes() + " minutes for " + what);
            }
            if (System.nanoTime() > next) {
                next = System.nanoTime() + 5_000_000_000L;
                int version = log.newestVersion();
                say("waiting for %s: %,d events sent, version %d judged on %,d, recent accuracy %.3f", what,
                        stream.sent(), version, log.judged(version), log.recentAccuracy(version, WINDOW));
            }
            Thread.sleep(100);
        }
    }

    private static void say(String format, Object... args) {
        System.out.printf("[drift] " + format + "%n", args);
    }
}
