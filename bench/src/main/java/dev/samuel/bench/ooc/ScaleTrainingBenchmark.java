package dev.samuel.bench.ooc;

import dev.samuel.bench.broker.OnLocalBroker;
import dev.samuel.cli.http.TrainerApi;
import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.job.JobStatus;
import dev.samuel.contracts.registry.VersionRecord;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.contracts.topic.Topic;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.plumbing.http.Backoff;
import dev.samuel.plumbing.launch.Readiness;
import dev.samuel.plumbing.launch.RunningService;
import dev.samuel.plumbing.registry.RegistryClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * {@code bench/run scale-training}: one job of one epoch over a labelled stream larger than the trainer's heap. The
 * examples ({@link SyntheticClasses}) go straight to the model's train and test topics ({@link ExampleProducer});
 * then the packaged model-registry and trainer-service start ({@link Services}), the spec is registered (no retrain
 * policy and no {@code minExamples}, so no job starts by itself), and once the trainer holds every example a job is
 * asked for over REST and followed to its end, while {@link HeapPeak} reads the trainer's heap. Before anything else,
 * while only the idle broker runs, {@link InMemoryRate} times the training engine alone on the first examples in an
 * array. Arguments: bootstrap servers, the repository, the run's folder (the trainer's store and the registry's
 * artifacts go there; the broker's log is there too when the JVM's {@code java.io.tmpdir} is that folder), the folder
 * of the services' logs, training examples, holdout examples. Last line:
 * RESULT examples=... ooc_train_eps=... heap_max_mb=... train_eps_in_memory=... ooc_over_in_memory=...
 */
public final class ScaleTrainingBenchmark {

    static final String MODEL = "scale-training";
    static final String TRAINER_HEAP = "1g";
    /** Examples of the in-memory measurement, at most: the first of the stream. */
    static final int IN_MEMORY = 100_000;
    static final long SEED = 7;
    private static final String SPEC = """
            {"name": "%s", "task": {"type": "classification", "classes": 10}, "input": {"features": 784},
             "layers": [{"dense": 128, "activation": "relu"}, {"dense": 10}], "loss": "softmax_cross_entropy",
             "optimizer": {"adam": {"lr": 0.001}}, "init": {"random": {"seed": 42}},
             "training": {"batchSize": 256, "epochs": 1}}
            """.formatted(MODEL);

    private ScaleTrainingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        var root = Path.of(args[1]).toAbsolutePath().normalize();
        var run = Path.of(args[2]);
        var logs = Path.of(args[3]);
        long examples = Long.parseLong(args[4]);
        int holdout = Integer.parseInt(args[5]);
        var spec = ModelSpecs.parse(SPEC);
        var data = new SyntheticClasses(SEED);
        var topics = Topics.of(spec);

        int inMemoryExamples = (int) Math.min(examples, IN_MEMORY);
        var inMemory = InMemoryRate.measure(spec, data, inMemoryExamples, examples, holdout);
        System.out.printf("in memory: %,d examples, one epoch at batch %d: %.0f examples/s; held-out accuracy %.4f%n",
                inMemoryExamples, spec.training().batchSize(), inMemory.cold(), inMemory.heldOut().accuracy());

        createTopics(bootstrap, topics);
        produce(bootstrap, run, topics, data, examples, holdout);

        String token = UUID.randomUUID().toString();
        try (var registry = Services.registry(root, bootstrap, token, run.resolve("artifacts"),
                logs.resolve("bench-scale-training-registry.log"))) {
            registry.awaitReady(Duration.ofMinutes(3));
            new RegistryClient(URI.create(registry.url()), token, Backoff.DEFAULT, Duration.ofSeconds(30))
                    .create(SPEC);
            int jmx = OnLocalBroker.freePort();
            try (var trainer = Services.trainer(root, bootstrap, registry.url(), token, TRAINER_HEAP,
                    run.resolve("trainer-store"), jmx, logs.resolve("bench-scale-training-trainer.log"))) {
                long started = System.nanoTime();
                // Ready once it has read its models' examples: the store is rebuilt before it says so.
                trainer.awaitReady(Duration.ofMinutes(3).plusSeconds(examples / 2000));
                double ready = (System.nanoTime() - started) / 1e9;
                var api = new TrainerApi(trainer.url(), token);
                await(trainer, "the trainer to hold all " + (examples + holdout) + " examples",
                        () -> held(api, examples, holdout), Duration.ofMinutes(10).plusSeconds(examples / 2000));
                // It reads the topics from its start on, so reading overlaps its start-up: both times from the launch.
                System.out.printf("trainer (-Xmx%s): ready %.1f s after its launch, holding every example %.1f s after;"
                        + " disk used: %s%n", TRAINER_HEAP, ready, (System.nanoTime() - started) / 1e9, du(run));

                var job = job(trainer, api, jmx, Duration.ofMinutes(10).plusSeconds(examples / 1000));
                System.out.printf("disk used at the peak, in %s: %s; load average now %s%n", run, du(run),
                        loadAverage());
                long trained = Long.parseLong(job.record().lineage().get(VersionRecord.TRAINING_EXAMPLES));
                double ooc = job.record().progress().examplesPerSecond();
                System.out.printf("RESULT examples=%d ooc_train_eps=%.0f heap_max_mb=%.0f train_eps_in_memory=%.0f"
                                + " ooc_over_in_memory=%.2f%n", trained, ooc, mb(job.heapPeak()), inMemory.cold(),
                        ooc / inMemory.cold());
            }
        }
    }

    /** A finished job, and the trainer's peak used heap from its request to its end. */
    record Job(JobRecord record, long heapPeak) {
    }

    /** Sends every example, printing the rate and the disk the broker's log takes. */
    private static void produce(String bootstrap, Path run, ModelTopics topics, SyntheticClasses data, long examples,
                                int holdout) throws InterruptedException {
        int threads = Integer.getInteger("bench.producers", Math.max(2, Runtime.getRuntime().availableProcessors()));
        long start = System.nanoTime();
        ExampleProducer.produce(bootstrap, topics, data, examples, holdout, threads);
        double seconds = (System.nanoTime() - start) / 1e9;
        long bytes = (examples + holdout) * (SyntheticClasses.FEATURES + 3L) * Float.BYTES;
        System.out.printf("produced %,d training and %,d holdout examples (%,d MB of f32le values) in %.1f s on %d"
                        + " threads: %.0f examples/s, %.0f MB/s; disk used in %s: %s%n", examples, holdout,
                bytes >> 20, seconds, threads, (examples + holdout) / seconds, (bytes >> 20) / seconds, run, du(run));
    }

    /**
     * Asks for a job of the model and follows it to its end while {@link HeapPeak} watches the trainer's heap; prints
     * what the job says of itself. Fails, with the end of the trainer's log, unless it succeeded.
     */
    private static Job job(RunningService trainer, TrainerApi api, int jmx, Duration patience) throws Exception {
        try (var heap = HeapPeak.watch(jmx)) {
            long asked = System.nanoTime();
            var done = follow(trainer, api, api.requestJob(MODEL), patience);
            heap.stop();
            System.out.printf("job %s %s in %.1f s (requested to finished): %s training examples, %s holdout;"
                            + " train loss %s, test loss %s, held-out accuracy %s; %s%n", done.id(), done.status(),
                    (System.nanoTime() - asked) / 1e9, done.lineage().get(VersionRecord.TRAINING_EXAMPLES),
                    done.lineage().get(VersionRecord.HOLDOUT_EXAMPLES),
                    figure(done.progress() == null ? null : done.progress().trainLoss()), figure(done.testLoss()),
                    figure(done.testAccuracy()), done.decision() == null ? "no decision" : done.decision().reason());
            System.out.printf("trainer heap during the job: peak %.0f MB used (%d collections; pools %s); the sum of"
                            + " the pools' own peaks %.0f MB%n", mb(heap.peak()), heap.collections(), heap.pools(),
                    mb(heap.poolPeaks()));
            if (done.status() != JobStatus.SUCCEEDED || done.progress() == null) {
                throw new IllegalStateException("job " + done.id() + " " + done.status() + ": " + done.message()
                        + ". The end of " + trainer.log() + ":\n" + Readiness.tail(trainer.log()));
            }
            return new Job(done, heap.peak());
        }
    }

    /**
     * The train and test topics as the platform creates them (contracts' topic table), but with compaction held off
     * for a day: the examples have unique ids, so the broker's log cleaner would only copy every segment (gigabytes)
     * beside the job, and a day is longer than any run.
     */
    private static void createTopics(String bootstrap, ModelTopics topics) throws Exception {
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(topic(topics.train()), topic(topics.test()))).all().get();
        }
    }

    private static NewTopic topic(Topic<?, ?> topic) {
        var configs = new HashMap<>(topic.settings().creationConfigs());
        configs.put(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, String.valueOf(Duration.ofDays(1).toMillis()));
        return new NewTopic(topic.name(), topic.settings().partitions(), (short) 1).configs(configs);
    }

    /** Whether the trainer's dataset report counts every example: then a job trains on all of them. */
    private static boolean held(TrainerApi api, long train, long holdout) {
        try {
            var dataset = api.dataset(MODEL);
            return dataset.path("train").asLong() >= train && dataset.path("test").asLong() >= holdout;
        } catch (RuntimeException e) {
            return false; // not owned or not read yet: a 404
        }
    }

    /** The job (or the one it joined) to its end, a line of progress every 15 s. */
    private static JobRecord follow(RunningService trainer, TrainerApi api, JobRecord job, Duration patience)
            throws InterruptedException {
        var latest = new JobRecord[] {job};
        long[] nextLine = {System.nanoTime() + Duration.ofSeconds(15).toNanos()};
        await(trainer, "job " + job.id(), () -> {
            latest[0] = api.job(MODEL, latest[0].joinedTo().orElse(latest[0].id()));
            if (System.nanoTime() > nextLine[0] && latest[0].progress() != null) {
                nextLine[0] = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                var p = latest[0].progress();
                System.out.printf("  job %s: epoch %d/%d, step %d, train loss %.4f, %.0f examples/s%n",
                        latest[0].status(), p.epoch(), p.epochs(), p.step(), p.trainLoss(), p.examplesPerSecond());
            }
            return latest[0].isFinished() && latest[0].joinedTo().isEmpty();
        }, patience);
        return latest[0];
    }

    /** Polls {@code condition}, failing with the end of the trainer's log if the trainer stops or time runs out. */
    private static void await(RunningService trainer, String what, BooleanSupplier condition,
                              Duration patience) throws InterruptedException {
        Readiness.await("trainer-service (waiting for " + what + ")", trainer.process().pid(), condition,
                trainer.log(), patience);
    }

    /** Disk used under {@code dir}, as {@code du -sh} says (allocated blocks, not apparent sizes). */
    static String du(Path dir) {
        try {
            var process = new ProcessBuilder("du", "-sh", dir.toString()).redirectErrorStream(true).start();
            var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor() == 0 ? out.split("\\s+")[0] : "(du failed: " + out + ")";
        } catch (IOException e) {
            return "(no du: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    private static String loadAverage() {
        try {
            var fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** A job's figure to 4 places; "none" where the job has none (it failed first). */
    private static String figure(Double value) {
        return value == null ? "none" : String.format("%.4f", value);
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
